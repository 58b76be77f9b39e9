package labs;

import java.util.List;

/**
 * One lab: its number and title, the packages under {@code src/main/java} that the student owns
 * (grading takes exactly these from a submission, over a pristine tree), and its parts in order.
 */
public record Lab(int number, String title, List<String> studentPackages, List<Part> parts) {

  /**
   * What this lab's student packages may reference besides the students' own packages ({@link
   * AllowedApis}): the integrity scan flags everything else.
   */
  public List<String> allowedApis() {
    return AllowedApis.forLab(number);
  }
}
