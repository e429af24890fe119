import { browser } from 'wxt/browser';
import { t } from '@/platform/i18n';

/** The extension's version and the browser, for a bug report. */
export function Environment() {
  return (
    <>
      <h2>{t('environment')}</h2>
      <table class="kv card">
        <tbody>
          <tr>
            <th>{t('version')}</th>
            <td>{browser.runtime.getManifest().version}</td>
          </tr>
          <tr>
            <th>{t('userAgent')}</th>
            <td>{navigator.userAgent}</td>
          </tr>
        </tbody>
      </table>
    </>
  );
}
