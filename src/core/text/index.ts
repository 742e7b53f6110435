/** The one home of 公文 text conventions: numbers, heading forms, staff lines, the addressee. */
export * from './numerals';
export * from './numbering';
export * from './conventions';
export * from './traditional';
