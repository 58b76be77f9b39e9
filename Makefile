# raftlab: the Java port of the MIT 6.5840 Raft and key/value labs.
#
#   make test    every test of the project: labrpc and codec self-tests, the tester's own
#                tests, all lab tests against the reference solution, and the check that the
#                skeleton (here and in the student handout) fails cleanly
#   make unit-test  the self-tests only (labrpc, labgob, porcupine, the tester): about a minute
#   make bench   the speed of labrpc, of the linearizability checker and of the edit-test loop
#   make bench-loop  the edit-test loop alone (grade.sh's time to the first test line)
#   make check-launchers  grade.sh and the tools under dash and macOS's bash 3.2 (if at hand)
#   make check-edit-loop  a student's edits are what ./grade.sh runs next (fresh copy, fast path)
#   make check-handout  the built handout is the student's kit and nothing else
#   make check-ide-run  a lab test through JUnit's console launcher, as an IDE runs it
#   make grade   ./grade.sh on your code, all parts
#   make validate  the buggy variants of the reference, each caught by the tests (instructors)
#   make handout   the student distribution in dist/ (checked by make test)
#   make gradescope  dist/gradescope-autograder.zip, the autograder for Gradescope (tested by
#                make test)
#   make red-team  grades the hostile submissions of tools/redteam: each must get 0 (make test)
#   make format  format every Java file with google-java-format (make test checks it)
#   make docs    regenerate the points tables, Classroom steps, the handouts' limits tables and
#                per-part points lines from the registry and the tester's constants
#   make check-locks  Error Prone's @GuardedBy lock-discipline check on your code (opt-in)
#   make check-locks-solution  the same check on the reference solution

MVN = mvn -B -ntp -Dstyle.color=never
SOLUTION = -Draftlab.src=$(CURDIR)/target/trees/solution -Draftlab.build=$(CURDIR)/target/solution
# Runs a main class of the tests, compiled against the reference solution.
RUN_TESTS_JAVA = java -cp target/solution/classes:target/solution/test-classes:$$(cat target/solution/test-classpath.txt)

.PHONY: check-edit-loop check-handout check-ide-run format docs check-locks check-locks-solution test unit-test solution-tree skeleton-check bench bench-loop check-launchers grade validate handout gradescope red-team check-controls check-gradescope lint-workflows clean

test: solution-tree
	$(MVN) -q spotless:check
	$(MVN) $(SOLUTION) test
	tools/check-skeleton.sh
	$(MAKE) check-edit-loop
	tools/make-handout.sh
	tools/check-skeleton.sh dist/raftlab-handout
	$(MAKE) check-handout check-ide-run
	$(MAKE) red-team check-gradescope lint-workflows

# The self-tests only (labrpc, labgob, the tester, the command line), without the lab tests (every
# part of the registry, as ./grade.sh parts lists them): about a minute.
unit-test: solution-tree
	$(MVN) $(SOLUTION) test -DexcludedGroups="$$(./grade.sh parts --separator ' | ')"

solution-tree:
	./grade.sh assemble target/trees/solution solution/src/main/java

skeleton-check:
	tools/check-skeleton.sh

bench: solution-tree
	$(MVN) -q $(SOLUTION) test-compile
	java -cp target/solution/classes:target/solution/test-classes labrpc.LabRpcBench
	java -cp target/solution/classes:target/solution/test-classes:$$(cat target/solution/test-classpath.txt) kvtest.PorcupineKvBench
	./grade.sh bench $(if $(GO_LAB),--go $(GO_LAB))

# How long a student waits after saving Raft.java for the first test line, and with nothing
# changed (on a copy of the tree in target/bench/tree). GO_LAB=DIR (a Go 6.5840 raft folder)
# times `go test` there in the same minutes, for a side-by-side figure.
bench-loop:
	./grade.sh bench $(if $(GO_LAB),--go $(GO_LAB))

check-launchers:
	tools/check-launchers.sh

# The built handout is the student's kit and nothing else: no instructor's files, a --help without
# instructor options, and a plain mvn test there that runs the lab tests (failing on the skeleton).
check-handout: solution-tree
	$(MVN) -q $(SOLUTION) test-compile
	$(RUN_TESTS_JAVA) checks.HandoutCheck dist/raftlab-handout

# A lab test run as an IDE runs it: JUnit's console launcher, a plain classpath, no surefire
# settings, on the reference solution.
check-ide-run: solution-tree
	$(MVN) -q $(SOLUTION) test-compile
	$(RUN_TESTS_JAVA) org.junit.platform.console.ConsoleLauncher execute --disable-banner \
	  --details=tree --fail-if-no-tests --select-method=raft.RaftTest3A#testInitialElection3A

# The student's edit loop end to end, in a fresh copy under target/edit-loop: through ./grade.sh's
# fast path, the skeleton fails, the reference passes, the skeleton put back fails again (Lab 3 and
# Lab 4), under this JDK and a JDK 25 where there is one, under sh, dash and macOS's bash 3.2
# (about 3 minutes).
JDK25 = $(firstword $(foreach d,$(wildcard /usr/lib/jvm/*25*),$(if $(wildcard $(d)/bin/javac),$(d))))
BASH32 = $(firstword $(wildcard $(RAFTLAB_BASH32) ../shared/tools/bash-3.2/bash ../../shared/tools/bash-3.2/bash))
check-edit-loop: solution-tree
	$(MVN) -q $(SOLUTION) test-compile
	$(RUN_TESTS_JAVA) cli.EditLoopCheck . $(if $(JDK25),--jdk $(JDK25)) \
	  $(if $(shell command -v dash),--shell dash) $(if $(BASH32),--shell $(abspath $(BASH32)))

grade:
	./grade.sh

# Every buggy variant in solution/variants must be caught by its part's tests (5-20 minutes).
validate:
	tools/validate.sh

# Error Prone's @GuardedBy check on your code (opt-in, never part of grading).
# Maven 3.8 writes colour resets (ESC[0m) even in batch mode with -q: NO_COLOUR strips them, keeping
# Maven's exit status (no pipefail in dash).
NO_COLOUR = awk '{ gsub(/\033\[[0-9;]*m/, ""); print }'
check-locks:
	@out=$$($(MVN) -q -P check-locks -Draftlab.build=$(CURDIR)/target/check-locks compile 2>&1); \
	  status=$$?; printf '%s\n' "$$out" | $(NO_COLOUR) | grep -v '^$$'; [ $$status -eq 0 ]
	@echo "check-locks: no access to a @GuardedBy field without its lock"

# The same check on the reference solution.
check-locks-solution: solution-tree
	@out=$$($(MVN) -q -P check-locks -Draftlab.src=$(CURDIR)/target/trees/solution \
	  -Draftlab.build=$(CURDIR)/target/check-locks-solution compile 2>&1); \
	  status=$$?; printf '%s\n' "$$out" | $(NO_COLOUR) | grep -v '^$$'; [ $$status -eq 0 ]
	@echo "check-locks: the reference solution passes"

# One formatter for the whole tree (google-java-format); make test checks it.
format:
	$(MVN) -q spotless:apply

# Regenerates the parts of the handouts and of the Classroom workflow that repeat the registry of
# labs and parts (src/grader/java/labs/Registry.java); make test checks that they agree with it.
docs: solution-tree
	$(MVN) -q $(SOLUTION) test-compile
	java -cp target/solution/classes:target/solution/test-classes:$$(cat target/solution/test-classpath.txt) docs.RegistryDocuments --write

# The student distribution, without solution/ and other instructor-only files.
handout:
	tools/make-handout.sh

# The Gradescope autograder: the handout as pristine/, setup.sh, run_autograder, autograder.conf.
gradescope:
	tools/make-gradescope.sh

# Every hostile submission in tools/redteam gets 0 on the tests it attacks; the reference, full
# marks (about 5 minutes; the attacks that hang are killed after 20 s).
red-team: solution-tree
	$(MVN) -q $(SOLUTION) test-compile
	$(RUN_TESTS_JAVA) redteam.RedTeam . target/redteam

# The integrity scan's controls: the reference and three correct Rafts in other styles
# (tools/redteam-controls) graded on 3A-3D as submissions: full marks, nothing flagged (~30 min).
check-controls: solution-tree
	$(MVN) -q $(SOLUTION) test-compile
	$(RUN_TESTS_JAVA) redteam.Controls . target/controls

# The bundle's run_autograder, run in a temporary /autograder on the reference (full marks), the
# skeleton and a forged submission (0), for 3A (about 5 minutes).
check-gradescope: gradescope solution-tree
	$(MVN) -q $(SOLUTION) test-compile
	$(RUN_TESTS_JAVA) gradescope.BundleCheck .

# The Classroom workflow, checked by a linter for workflow files (installed from npm).
lint-workflows:
	tools/lint-workflows.sh

clean:
	rm -rf target dist
