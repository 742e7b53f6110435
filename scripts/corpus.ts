// npm run corpus: every report of test/corpus imported and checked; per-rule found/expected and false errors.
import { resolve } from 'node:path';
import { corpusReport, runCorpus } from '../test/corpus/corpus';

// npm runs scripts from the package root; the bundle itself lives in dist/scripts.
runCorpus(resolve('test/corpus')).then(
  (results) => {
    console.log(corpusReport(results));
    const bad = results.some((r) => r.error || r.misread.length || r.missed.length || r.falseErrors.length);
    process.exitCode = bad ? 1 : 0;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
