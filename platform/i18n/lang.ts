/** The UI languages: English and Simplified Chinese. */
export type Lang = 'en' | 'zh';
