/**
 * Imported first by the CLI: unless told otherwise, run as production. graphql-js reads
 * NODE_ENV once when it loads, and outside production it adds checks to every type test
 * (a tenth of a GraphQL request's CPU here).
 */
if (process.env.NODE_ENV === undefined) {
  process.env.NODE_ENV = 'production';
  // Chosen here for speed, not by the operator: it does not make authentication required.
  process.env.ORGTRACK_NODE_ENV_IMPLIED = 'true';
}
