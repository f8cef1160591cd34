// The skip-or-require rule for tests that need a system program (Chromium, LibreOffice).
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { findOnPath, isCi, requireSystemTool } from './system-tool.js';
import { tempDir } from './temp.js';

describe('requireSystemTool', () => {
  const bin = tempDir('jixiao-tool-');
  const tool = join(bin, 'jixiao-fake-tool');
  writeFileSync(tool, '#!/bin/sh\n');
  chmodSync(tool, 0o755);
  writeFileSync(join(bin, 'not-executable'), '');

  it('finds an executable on PATH, and nothing else', () => {
    expect(findOnPath('jixiao-fake-tool', `/nonexistent:${bin}`)).toBe(tool);
    expect(findOnPath('not-executable', bin)).toBeUndefined();
    expect(findOnPath('jixiao-fake-tool', '')).toBeUndefined();
  });

  it('returns the path when installed, whether or not under CI', () => {
    expect(requireSystemTool('jixiao-fake-tool', 'apt-get install x', { PATH: bin })).toBe(tool);
    expect(requireSystemTool('jixiao-fake-tool', 'apt-get install x', { PATH: bin, CI: 'true' })).toBe(tool);
  });

  it('skips with a printed notice when missing outside CI', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(requireSystemTool('jixiao-missing-tool', 'apt-get install missing', { PATH: bin, CI: 'false' })).toBeUndefined();
      expect(write).toHaveBeenCalledWith(expect.stringContaining('skipping the tests that need jixiao-missing-tool') as unknown);
      expect(write).toHaveBeenCalledWith(expect.stringContaining('apt-get install missing') as unknown);
    } finally {
      write.mockRestore();
    }
  });

  it('fails when missing under CI=true, naming the program and how to install it', () => {
    expect(() => requireSystemTool('jixiao-missing-tool', 'apt-get install missing', { PATH: bin, CI: 'true' })).toThrow(/jixiao-missing-tool is not installed \(to install it: apt-get install missing\); it is required when CI=true/);
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({ CI: '' })).toBe(false);
    expect(isCi({})).toBe(false);
  });
});
