// exceljs's own single-file build: the same API as the package's main entry, which loads in a third of the time.
declare module 'exceljs/dist/exceljs.min.js' {
  export * from 'exceljs';
}
