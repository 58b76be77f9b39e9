@echo off
rem grade.cmd: runs the lab tests and grades them on Windows. grade.cmd --help lists the options.
rem
rem Only a launcher, like grade.sh: it finds Java and hands over to the Java front end
rem (src\grader\java\cli). Before the very first run it compiles the bootstrap class, which needs
rem only the JDK, and that builds the rest with Maven.
setlocal
set "RAFTLAB_CALLER_DIR=%CD%"
cd /d "%~dp0" || exit /b 2
set "JAVA=java"
set "JAVAC=javac"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
if defined JAVA_HOME set "JAVAC=%JAVA_HOME%\bin\javac"
if not exist target\cli\java.args goto first
rem The fast start names the folder it was made in: a tree that was moved or copied starts over.
if not exist target\cli\root goto first
set "MADE_IN="
set /p MADE_IN=<target\cli\root
if /i not "%MADE_IN%"=="%CD%" goto first
"%JAVA%" @target\cli\java.args cli.Bootstrap %*
exit /b %ERRORLEVEL%

:first
"%JAVAC%" -version >nul 2>&1 || goto nojdk
if not exist target\cli\boot-classes mkdir target\cli\boot-classes
"%JAVAC%" -nowarn -Xlint:-options -source 8 -target 8 -encoding UTF-8 -d target\cli\boot-classes -sourcepath src\grader\java src\grader\java\cli\Bootstrap.java || exit /b 2
"%JAVA%" -cp target\cli\boot-classes cli.Bootstrap %*
exit /b %ERRORLEVEL%

:nojdk
echo grade.cmd: no JDK (java and javac) found; raftlab needs a JDK 17 or newer: install one (e.g. winget install EclipseAdoptium.Temurin.17.JDK) and open a new terminal, or set JAVA_HOME to it 1>&2
exit /b 2
