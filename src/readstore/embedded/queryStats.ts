/** How much work queries did: lets tests prove an index was used without timing anything. */
export class QueryStats {
  /** Documents the full filter was evaluated on, across every collection of the store. */
  documentsExamined = 0;

  reset(): void {
    this.documentsExamined = 0;
  }
}
