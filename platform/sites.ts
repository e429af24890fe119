// Sites where lecture pages live: the content script runs there by default and annotates without
// being asked. One list; the manifest's match patterns and the settings' defaults derive from it.
// Localhost is included because lecture notes are often read from a local docs server (Jupyter
// Book, mkdocs, the bundled demo page).

interface LectureSite {
  host: string;
  /** Subdomains too (the pattern `*.host` also matches host itself). */
  subdomains: boolean;
}

const LECTURE_SITES: readonly LectureSite[] = [
  { host: '3blue1brown.com', subdomains: true },
  { host: 'bilibili.com', subdomains: true },
  { host: 'youtube.com', subdomains: true },
  { host: 'd2l.ai', subdomains: true },
  { host: 'neuralnetworksanddeeplearning.com', subdomains: false },
  { host: 'github.io', subdomains: true },
  { host: 'zhihu.com', subdomains: true },
  { host: 'distill.pub', subdomains: false },
];
const LOCAL_HOSTS = ['localhost', '127.0.0.1'] as const;

/** The content script's match patterns (manifest). */
export const LECTURE_SITE_MATCHES: string[] = [
  ...LECTURE_SITES.map((s) => `*://${s.subdomains ? '*.' : ''}${s.host}/*`),
  'file:///*',
  ...LOCAL_HOSTS.map((h) => `http://${h}/*`),
];

/** Sites annotated without asking, as settings store them: a hostname (subdomains included) or 'file'. */
export const DEFAULT_AUTO_SITES: string[] = [...LECTURE_SITES.map((s) => s.host), ...LOCAL_HOSTS, 'file'];
