/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, after jest's own summary, so
 * that CI logs state the outcome in a form any reader understands.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
  }
}

module.exports = SummaryReporter;
