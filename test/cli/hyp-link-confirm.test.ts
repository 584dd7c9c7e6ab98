// pm hyp link on a killed hypothesis warns as pm log does: only evidence that supports it may change the
// decision; a refuting link confirms the kill and says nothing more (review wave 15 R3).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox({ today: '2026-12-03' })));
afterEach(() => box.cleanup());

describe('pm hyp link on a killed hypothesis', () => {
  it('warns of a supporting link only', () => {
    box.ok(['hyp', 'add', 'Finance teams want exports', '--date', '2026-12-01']);
    box.ok(['hyp', 'kill', 'H1', '--reason', 'nobody']);
    box.ok(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'no exports please']);
    const refutes = box.ok(['hyp', 'link', 'H1', 'I1', '--refutes']);
    expect(refutes.err).not.toContain('warning');
    const supports = box.ok(['hyp', 'link', 'H1', 'I1', '--supports']);
    expect(supports.err).toContain('pm: warning: H1 was killed');
  });
});
