package porcupine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The result of {@link Checker#checkOperationsVerbose}: the overall verdict, one {@link
 * PartitionInfo} per partition, and any {@link Annotation}s the tester adds before handing it to
 * the {@link Visualizer}.
 *
 * <p>Annotations may be added from any thread; everything else is fixed when the check returns.
 *
 * @param <I> the model's input type
 * @param <O> the model's output type
 */
public final class LinearizationInfo<I, O> {

  private final CheckResult result;
  private final List<PartitionInfo<I, O>> partitions;
  private final List<Annotation> annotations = new ArrayList<>();

  LinearizationInfo(CheckResult result, List<PartitionInfo<I, O>> partitions) {
    this.result = result;
    this.partitions = List.copyOf(partitions);
  }

  /** ILLEGAL if any partition is, else UNKNOWN if any was stopped, else OK. */
  public CheckResult result() {
    return result;
  }

  /** One entry per partition, in the order the model's partition returned them. */
  public List<PartitionInfo<I, O>> partitions() {
    return partitions;
  }

  /** Adds tester events (partitions, crashes, ...) to draw alongside the operations. */
  public synchronized void addAnnotations(Collection<Annotation> more) {
    annotations.addAll(more);
  }

  /** The annotations added so far, in the order they were added. */
  public synchronized List<Annotation> annotations() {
    return List.copyOf(annotations);
  }
}
