import { Rule } from './rule';
import { rule as DJ001 } from './DJ001-file-not-analysed';
import { rule as DJ002 } from './DJ002-suppression-unused';
import { rule as DJ003 } from './DJ003-config-invalid';
import { rule as DJ102 } from './DJ102-secret-key-weak';
import { rule as DJ103 } from './DJ103-secret-key-insecure-value';
import { rule as DJ104 } from './DJ104-secret-key-low-entropy';
import { rule as DJ105 } from './DJ105-secret-key-missing';
import { rule as DJ107 } from './DJ107-secret-key-fallback-weak';
import { rule as DJ108 } from './DJ108-secret-reused';
import { rule as DJ109 } from './DJ109-value-mangled-by-parser';
import { rule as DJ111 } from './DJ111-credential-weak';
import { rule as DJ112 } from './DJ112-env-file-committed';
import { rule as DJ113 } from './DJ113-live-token-committed';
import { rule as DJ202 } from './DJ202-debug-enabled-by-env';
import { rule as DJ205 } from './DJ205-async-unsafe-enabled';
import { rule as DJ206 } from './DJ206-settings-module-not-production';
import { rule as DJ207 } from './DJ207-log-level-debug';
import { rule as DJ301 } from './DJ301-allowed-hosts-empty';
import { rule as DJ302 } from './DJ302-allowed-hosts-wildcard';
import { rule as DJ303 } from './DJ303-csrf-trusted-origin-invalid';
import { rule as DJ402 } from './DJ402-hsts-missing';
import { rule as DJ403 } from './DJ403-hsts-subdomains-missing';
import { rule as DJ404 } from './DJ404-hsts-preload-missing';
import { rule as DJ405 } from './DJ405-ssl-redirect-off';
import { rule as DJ407 } from './DJ407-nosniff-off';
import { rule as DJ411 } from './DJ411-xframe-not-deny';
import { rule as DJ412 } from './DJ412-xss-filter-obsolete';
import { rule as DJ501 } from './DJ501-session-cookie-insecure';
import { rule as DJ503 } from './DJ503-csrf-cookie-insecure';
import { rule as DJ601 } from './DJ601-sqlite-in-production';
import { rule as DJ602 } from './DJ602-db-host-localhost-in-container';
import { rule as DJ603 } from './DJ603-email-backend-dev';
import { rule as DJ604 } from './DJ604-admin-url-default';
import { rule as DJ606 } from './DJ606-db-ssl-not-required';
import { rule as DJ607 } from './DJ607-db-connection-pooling-off';
import { rule as DJ608 } from './DJ608-redis-no-password';
import { rule as DJ609 } from './DJ609-sentry-not-configured';
import { rule as DJ612 } from './DJ612-media-public-acl';
import { rule as DJ801 } from './DJ801-duplicate-key';
import { rule as DJ802 } from './DJ802-ambiguous-value';
import { rule as DJ803 } from './DJ803-env-var-unused';
// Compose rules (issue 4).
import { rule as DJ203 } from './DJ203-debug-default-on';
import { rule as DJ701 } from './DJ701-db-port-published';
import { rule as DJ702 } from './DJ702-port-all-interfaces';
import { rule as DJ703 } from './DJ703-dev-server-in-production';
import { rule as DJ704 } from './DJ704-secret-in-compose';
import { rule as DJ705 } from './DJ705-secret-interpolation-default';
import { rule as DJ706 } from './DJ706-env-file-missing';
import { rule as DJ707 } from './DJ707-env-file-not-production';
import { rule as DJ708 } from './DJ708-privileged-container';
import { rule as DJ709 } from './DJ709-docker-socket-mounted';
import { rule as DJ710 } from './DJ710-host-namespace';
import { rule as DJ711 } from './DJ711-sensitive-host-mount';
import { rule as DJ712 } from './DJ712-image-not-pinned';
import { rule as DJ713 } from './DJ713-healthcheck-missing';
import { rule as DJ714 } from './DJ714-restart-policy-missing';
import { rule as DJ715 } from './DJ715-source-mounted-in-production';
import { rule as DJ716 } from './DJ716-celery-worker-missing';
import { rule as DJ717 } from './DJ717-procfile-migrate-missing';
import { rule as DJ740 } from './DJ740-server-not-a-dependency';
import { rule as DJ741 } from './DJ741-whitenoise-not-a-dependency';
import { rule as DJ742 } from './DJ742-postgres-driver-not-a-dependency';
import { rule as DJ743 } from './DJ743-dependencies-unpinned';
import { rule as DJ744 } from './DJ744-whitenoise-not-in-middleware';
import { rule as DJ718 } from './DJ718-systemd-restart-missing';
import { rule as DJ719 } from './DJ719-systemd-runs-as-root';
import { rule as DJ720 } from './DJ720-systemd-install-missing';
import { rule as DJ721 } from './DJ721-dockerfile-runs-as-root';
import { rule as DJ722 } from './DJ722-dockerfile-debug-enabled';
import { rule as DJ723 } from './DJ723-dockerfile-secret-in-build';
import { rule as DJ724 } from './DJ724-collectstatic-missing';
import { rule as DJ725 } from './DJ725-pip-install-unpinned';
import { rule as DJ730 } from './DJ730-server-reload-enabled';
import { rule as DJ731 } from './DJ731-server-log-level-debug';
import { rule as DJ732 } from './DJ732-gunicorn-single-sync-worker';
import { rule as DJ733 } from './DJ733-forwarded-allow-ips-wildcard';
import { rule as DJ901 } from './DJ901-checklist-unknown-rule';
import { rule as DJ902 } from './DJ902-checklist-duplicate-item';
import { rule as DJ903 } from './DJ903-checklist-ticked-but-failing';
import { rule as DJ201 } from './DJ201-debug-enabled';
import { rule as DJ101 } from './DJ101-secret-key-in-source';
import { rule as DJ605 } from './DJ605-required-env-missing';
import { rule as DJ401 } from './DJ401-security-middleware-missing';
import { rule as DJ408 } from './DJ408-referrer-policy-none';
import { rule as DJ409 } from './DJ409-header-policy-invalid';
import { rule as DJ410 } from './DJ410-xframe-middleware-missing';
import { rule as DJ502 } from './DJ502-session-cookie-httponly-off';
import { rule as DJ504 } from './DJ504-csrf-middleware-missing';
import { rule as DJ106 } from './DJ106-secret-with-default';
import { rule as DJ110 } from './DJ110-credential-in-source';
import { rule as DJ204 } from './DJ204-debug-propagate-exceptions';
import { rule as DJ406 } from './DJ406-proxy-ssl-header-missing';
import { rule as DJ505 } from './DJ505-cookie-samesite-none';
import { rule as DJ610 } from './DJ610-static-root-missing';
import { rule as DJ611 } from './DJ611-file-cache-overlaps-static';
import { rule as DJ416 } from './DJ416-csp-missing';
import { rule as DJ420 } from './DJ420-csp-nonce-not-in-templates';
import { rule as DJ615 } from './DJ615-setting-not-read-by-this-django';
import { rule as DJ616 } from './DJ616-django-unsupported';
// nginx rules (issue 14).
import { rule as DJ304 } from './DJ304-proxy-host-not-forwarded';
import { rule as DJ413 } from './DJ413-proxy-forwarded-proto-missing';
import { rule as DJ414 } from './DJ414-http-not-redirected';
import { rule as DJ415 } from './DJ415-server-tokens-on';
import { rule as DJ613 } from './DJ613-static-cache-headers-missing';
import { rule as DJ614 } from './DJ614-gzip-off';
import { rule as DJ417 } from './DJ417-tls-protocol-outdated';
import { rule as DJ418 } from './DJ418-hsts-conflicting';
import { rule as DJ617 } from './DJ617-upload-limit-below-django';

/** Every rule, in code order. The engine runs these; nothing else names a rule. */
export const rules: Rule[] = [
  DJ001, DJ002, DJ003, DJ102, DJ103, DJ104, DJ105, DJ107, DJ108, DJ109, DJ111, DJ112,
  DJ113, DJ202, DJ205, DJ206, DJ207, DJ301, DJ302, DJ303, DJ402, DJ403, DJ404,
  DJ405, DJ407, DJ411, DJ412, DJ501, DJ503, DJ601, DJ602, DJ603, DJ604,
  DJ606, DJ607, DJ608, DJ609, DJ612, DJ801, DJ802, DJ803,
  DJ901, DJ902, DJ903,
  DJ203, DJ701, DJ702, DJ703, DJ704,
  DJ705, DJ706, DJ707, DJ708, DJ709, DJ710, DJ711, DJ712, DJ713, DJ714, DJ715, DJ716, DJ717,
  DJ740, DJ741, DJ742, DJ743, DJ744,
  DJ718, DJ719, DJ720,
  DJ721, DJ722, DJ723, DJ724, DJ725,
  DJ730, DJ731, DJ732, DJ733,
  DJ201, DJ401, DJ408, DJ409, DJ410, DJ502, DJ504, DJ101, DJ605,
  DJ106, DJ110, DJ204, DJ406, DJ505, DJ610, DJ611, DJ615, DJ616, DJ416, DJ420,
  DJ304, DJ413, DJ414, DJ415, DJ613, DJ614, DJ417, DJ418, DJ617,
];
// Listed in any order above; kept in code order here for output and documentation.
rules.sort((a, b) => (a.meta.code < b.meta.code ? -1 : 1));

export function findRule(codeOrName: string): Rule | undefined {
  const wanted = codeOrName.toLowerCase();
  return rules.find((rule) => rule.meta.code.toLowerCase() === wanted || rule.meta.name === wanted);
}
