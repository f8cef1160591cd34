import { libraryConfig } from '../../tsup.library.js';

export default libraryConfig({ index: 'src/index.ts' });
