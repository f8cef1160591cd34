import { libraryConfig } from '../../tsup.library.js';

// The packs' JSON files are bundled in: an external JSON import loses its `with { type: 'json' }` in the build, and
// Node refuses to import JSON without it (ERR_IMPORT_ASSERTION_TYPE_MISSING), so `@jixiao/standard` could not be
// imported from its dist/ at all. The rule data is ~200 KB of JSON.
export default libraryConfig({ index: 'src/index.ts' }, { noExternal: [/^@jixiao\/pack-/] });
