/** The version facts: one series, ranges whose series agree or not, and the defaults that follow them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DjangoSeries, DjangoVersion } from '../../../server/src/project/django-version';
import { behaviour, idIf } from '../../../server/src/settings/django-checks-by-version';
import { defaultSetting } from '../../../server/src/settings/django-defaults';

const version = (...series: DjangoSeries[]): DjangoVersion => ({ series, exact: null, source: { kind: 'option', text: '--django-version' } });

describe('Django checks by version', () => {
  it('reports an id only when every series that may run reports it', () => {
    assert.equal(idIf(version('3.2'), 'security.E024', 'openerPolicyCheck'), null);
    assert.equal(idIf(version('4.2'), 'security.E024', 'openerPolicyCheck'), 'security.E024');
    assert.equal(idIf(version('4.2', '5.0', '5.1', '5.2'), 'security.W025', 'fallbackKeysCheck'), 'security.W025');
    assert.equal(idIf(version('4.0', '4.1'), 'security.W025', 'fallbackKeysCheck'), null);
    assert.equal(idIf(version('5.2', '6.0'), 'security.E026', 'cspChecks'), null);
    assert.equal(idIf(version('6.1'), 'security.E026', 'cspChecks'), 'security.E026');
    // Not traced to its release: nothing claimed.
    assert.equal(idIf(version('4.1'), 'security.W010', 'cookieFlagIsTrue'), null);
    assert.equal(behaviour(version('3.2', '4.2'), 'cookieFlagIsTrue'), 'unknown');
    assert.equal(behaviour(version('4.2', '6.1'), 'cookieFlagIsTrue'), true);
    assert.equal(idIf(version('3.2'), '4_0.E001', 'trustedOriginsScheme'), null);
  });

  it('gives each series its global_settings defaults', () => {
    assert.equal(defaultSetting('SECURE_CROSS_ORIGIN_OPENER_POLICY', version('3.2')).kind, 'none');
    assert.deepEqual(defaultSetting('SECURE_CROSS_ORIGIN_OPENER_POLICY', version('5.2')), { kind: 'str', value: 'same-origin', at: null });
    assert.equal(defaultSetting('SECRET_KEY_FALLBACKS', version('4.1')).kind, 'list');
    assert.equal(defaultSetting('SECRET_KEY_FALLBACKS', version('4.0')).kind, 'none');
    assert.equal(defaultSetting('SECURE_BROWSER_XSS_FILTER', version('3.2')).kind, 'bool');
    assert.equal(defaultSetting('SECURE_BROWSER_XSS_FILTER', version('4.2')).kind, 'none');
    assert.equal(defaultSetting('SECURE_CSP', version('6.1')).kind, 'dict');
    assert.equal(defaultSetting('SECURE_CSP', version('5.2')).kind, 'none');
    assert.equal(defaultSetting('SECURE_CSP', version('5.2', '6.0')).kind, 'unknown');
    assert.equal(defaultSetting('DEBUG', version('3.2', '6.1')).kind, 'bool');
  });
});
