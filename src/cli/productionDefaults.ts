/**
 * Imported first by the CLI: unless told otherwise, run as production. graphql-js reads
 * NODE_ENV once when it loads, and outside production it adds checks to every type test
 * (a tenth of a GraphQL request's CPU here).
 */
process.env.NODE_ENV ??= 'production';
