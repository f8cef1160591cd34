// Vitest setup file: what a test file made with tempDir() is removed when the file ends.
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp.js';

afterAll(removeTempDirs);
