/**
 * Preload (`node -r test/support/transpiledRequire.js file.ts`) that lets a child process of a
 * test run the project's TypeScript without a build: each `.ts` file is transpiled on require
 * (types are not checked: `npm test` does that) and kept in a cache under os.tmpdir(), so that
 * spawning the same child many times costs one transpilation.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const ts = require('typescript');

const cacheDir = path.join(os.tmpdir(), 'orgtrack-transpiled');
fs.mkdirSync(cacheDir, { recursive: true });
const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  useDefineForClassFields: false,
  isolatedModules: true,
};

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha256').update(ts.version).update(filename).update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  let output;
  try {
    output = fs.readFileSync(cached, 'utf8');
  } catch {
    output = ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText;
    fs.writeFileSync(`${cached}.${process.pid}`, output);
    fs.renameSync(`${cached}.${process.pid}`, cached);
  }
  module._compile(output, filename);
};
