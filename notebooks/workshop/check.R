# Self-checks for R lessons, with the same answers and the same feedback as the Python ones.
#
#   source(file.path("workshop", "check.R"))
#   set_up("en")                                  # the language of the feedback
#   check_number("03-recent-co2-mean", my_mean)   # prints one line
#   check_choice("some-question", my_choice)
#
# The answers live in workshop/answers.txt, and the words in workshop/check_messages.tsv. Rather than
# a second copy in R, this helper describes the R value in a few lines of text and hands them
# to `python3 -m workshop.check r`, which prints the line. That needs only Python's standard
# library, so any python3 will do (every Jupyter installation has one).

workshop_language <- "en"

# Start an R lesson: the language of the feedback, and one line on whether the self-check
# can run here (it needs a python3).
set_up <- function(language = "en") {
  workshop_language <<- language
  cat(.workshop_say(if (nzchar(.workshop_python())) "ready" else "no_python"), "\n", sep = "")
  invisible(NULL)
}

.workshop_python <- function() {
  for (name in c("python3", "python")) {
    found <- Sys.which(name)
    if (nzchar(found)) return(unname(found))
  }
  ""
}

# One line per fact: the question, the language, the kind of R value, its length, and each
# value (at most 1000), written with URL escapes so that any text survives the trip.
.workshop_describe <- function(question, answer) {
  about <- c(paste0("question\t", question), paste0("language\t", workshop_language))
  tryCatch(c(about, .workshop_value(answer)),
           # A value whose own methods fail (a crafted class, a broken S4 object) is named by
           # its class alone: class() is a primitive that no method can change.
           error = function(e) c(about, paste0("class\t", class(answer)[1])))
}

.workshop_value <- function(answer) {
  kind <- if (is.null(answer)) "NULL"
    else if (is.data.frame(answer)) "data.frame"
    else if (is.function(answer)) "function"
    else if (is.factor(answer)) "factor"
    else if (is.logical(answer)) "logical"
    else if (is.integer(answer)) "integer"
    else if (is.numeric(answer)) "numeric"
    else if (is.character(answer)) "character"
    else if (is.list(answer)) "list"
    else class(answer)[1]
  lines <- paste0("class\t", kind)
  if (kind %in% c("numeric", "integer", "logical", "character", "factor", "list")) {
    n <- length(answer)  # a method of the value's class may say anything
    stopifnot(is.numeric(n), length(n) == 1, !is.na(n))
    lines <- c(lines, paste0("length\t", n))
  }
  if (kind %in% c("numeric", "integer", "logical", "character", "factor") && length(answer) > 0) {
    values <- head(answer, 1000)
    text <- if (kind %in% c("numeric", "integer")) sprintf("%.17g", as.numeric(values))
      else as.character(values)
    text <- ifelse(is.na(values) & !is.nan(suppressWarnings(as.numeric(values))) | is.na(text),
                   "NA", vapply(text, URLencode, "", reserved = TRUE, USE.NAMES = FALSE))
    lines <- c(lines, paste0("value\t", text))
  }
  lines
}

# The words come from the self-checks' one table (check_messages.py reads it too), read once
# when a lesson sources this file from the folder that holds workshop/.
.workshop_messages <- utils::read.delim(
  file.path("workshop", "check_messages.tsv"), row.names = 1, colClasses = "character",
  quote = "", comment.char = "", na.strings = character(0), check.names = FALSE, encoding = "UTF-8")

.workshop_say <- function(key) {
  .workshop_messages[key, if (workshop_language %in% names(.workshop_messages)) workshop_language else "en"]
}

# The folder that holds workshop/, where the lesson sourced this file: the check runs from
# there, so a setwd() later in the lesson does not leave python3 without the workshop.
.workshop_home <- getwd()

# "Not yet" and one message, with its {slots} filled in from the named values (by position,
# not sub(): an R error message may hold backslashes that sub() would read as escapes).
.workshop_not_yet <- function(key, ...) {
  fill <- function(text, slot, value) {
    at <- regexpr(slot, text, fixed = TRUE)
    if (at < 0) return(text)
    paste0(substr(text, 1, at - 1), value, substr(text, at + nchar(slot), nchar(text)))
  }
  values <- list(...)
  said <- .workshop_say(key)
  for (slot in names(values)) said <- fill(said, paste0("{", slot, "}"), values[[slot]])
  cat(fill(.workshop_say("not_yet"), "{}", said), "\n", sep = "")
  invisible(NULL)
}

# The rows and columns of a matrix of numbers (R's 1 x 1 matrix is just a number), or NULL.
# The description above would pass a matrix on as a plain run of numbers ("that is 4
# numbers"), so it is named here. attr() and typeof() cannot be changed by a class's methods.
.workshop_matrix_dims <- function(answer) {
  dims <- attr(answer, "dim", exact = TRUE)
  if (length(dims) == 2 && prod(dims) > 1 && typeof(answer) %in% c("double", "integer")) dims else NULL
}

check_answer <- function(question, answer, number = FALSE) {
  python <- .workshop_python()
  if (!nzchar(python)) {
    cat(.workshop_say("no_python"), "\n", sep = "")
    return(invisible(NULL))
  }
  # No answer, or one that cannot be worked out (a name never defined, a cell not run yet):
  # one line in the learner's language, with R's own reason, not R's error.
  if (missing(answer)) return(.workshop_not_yet("missing_answer"))
  failed <- tryCatch({ force(answer); NULL }, error = function(e) conditionMessage(e))
  if (!is.null(failed)) return(.workshop_not_yet("answer_failed", error = gsub("\\s+", " ", failed)))
  dims <- if (number) tryCatch(.workshop_matrix_dims(answer), error = function(e) NULL)
  if (!is.null(dims)) return(.workshop_not_yet("matrix", rows = dims[1], cols = dims[2]))
  described <- .workshop_describe(question, answer)
  here <- setwd(.workshop_home)
  on.exit(setwd(here), add = TRUE)
  # Only what Python prints, never its errors: a Python that cannot find workshop/ (the
  # folder was moved or renamed) gets the line that says where it should be.
  said <- tryCatch(
    suppressWarnings(system2(python, c("-m", "workshop.check", "r"), stdout = TRUE, stderr = FALSE,
                             input = described)),
    error = function(e) character(0))
  if (length(said) == 0) said <- .workshop_say("no_answer")
  cat(tail(said, 1), "\n", sep = "")
  invisible(NULL)
}

check_number <- function(question, answer) check_answer(question, answer, number = TRUE)
check_choice <- function(question, answer) check_answer(question, answer)
