import { describe, expect, it } from 'vitest';
import { contextRequirements, ruleScope } from './scope.js';

describe('where a rule runs, and the contexts it needs', () => {
  it('a batch rule runs with the batch; a rule requiring history.previous with the history; the rest with the form', () => {
    expect(ruleScope({ scope: 'batch' })).toBe('batch');
    expect(ruleScope({ scope: 'batch', requires: ['history.previous'] })).toBe('batch');
    expect(ruleScope({ requires: ['staffing.actual', 'history.previous'] })).toBe('history');
    expect(ruleScope({ requires: ['staffing.actual'] })).toBe('form');
    expect(ruleScope({})).toBe('form');
  });

  it('lists only the cross-form requirements, each once, and `batch` for a batch rule', () => {
    expect(contextRequirements({ requires: ['staffing.actual', 'history.previous'] })).toEqual(['history.previous']);
    expect(contextRequirements({ scope: 'batch' })).toEqual(['batch']);
    expect(contextRequirements({ scope: 'batch', requires: ['batch'] })).toEqual(['batch']);
    expect(contextRequirements({ scope: 'batch', requires: ['history.previous'] })).toEqual(['history.previous', 'batch']);
    expect(contextRequirements({})).toEqual([]);
  });
});
