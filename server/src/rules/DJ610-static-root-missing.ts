import { Rule } from './rule';
import { appendToModuleFix, describeSetting, fixes, known, listHas, replaceExpressionFix, reportSetting } from './shared/settings-findings';

const STATICFILES_APP = 'django.contrib.staticfiles';

export const rule: Rule = {
  meta: {
    code: 'DJ610',
    name: 'static-root-missing',
    description: 'django.contrib.staticfiles is installed but STATIC_ROOT is unset (or None), so collectstatic has nowhere to write.',
    category: 'data',
    severity: 'warning',
    checklistItem: 'STATIC_ROOT is set, so collectstatic has somewhere to write',
    djangoCheck: null,
  },
  checkSettings(settings, context) {
    // Without the staticfiles app there is no collectstatic to fail.
    if (listHas(settings, 'INSTALLED_APPS', STATICFILES_APP) !== true) return;
    const lookup = known(settings, 'STATIC_ROOT');
    if (!lookup || lookup.value.kind !== 'none') return;
    if (lookup.state === 'set' && lookup.value.env) return;
    // A path next to the project, when the module knows where that is.
    const base = settings.namespace.names.get('BASE_DIR')?.value;
    const python = base?.kind === 'path' ? 'BASE_DIR / "staticfiles"' : base?.kind === 'str' ? 'os.path.join(BASE_DIR, "staticfiles")' : null;
    const title = `Set STATIC_ROOT = ${python}`;
    const fix = python === null ? null : lookup.state === 'default' ? appendToModuleFix(settings, [`STATIC_ROOT = ${python}`], title, false) : replaceExpressionFix(lookup, python, title, false);
    reportSetting(settings, lookup, context, {
      message: `${describeSetting('STATIC_ROOT', lookup)} while ${STATICFILES_APP} is installed: collectstatic fails ("You're using the staticfiles app without having set the STATIC_ROOT setting"), so the production server has no CSS, JavaScript or admin assets to serve.`,
      fixes: fixes(fix),
    });
  },
};
