/** The shared safe writer (src/node/atomicWrite.ts), under the name main's modules and tests have always used. */
export {
  SaveError,
  SaveQueue,
  cleanStaleTemps,
  saveErrorMessage,
  writeFileAtomic,
  type AtomicWriteOptions,
  type Fs,
} from '../node/atomicWrite';
