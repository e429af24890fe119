import { describe, expect, it } from 'vitest';
import { decodeEntities } from '@/features/video/captions/entities';
import { stripAssOverrides, stripTags } from '@/features/video/captions/markup';

describe('stripTags', () => {
  it('removes WebVTT voice, class, styling and timestamp tags', () => {
    expect(stripTags('<v Teacher>hi</v>')).toBe('hi');
    expect(stripTags('<v.loud Student>hi')).toBe('hi');
    expect(stripTags('<c.yellow.bg_blue>ReLU</c> <b>b</b><i>i</i><u>u</u>')).toBe('ReLU biu');
    expect(stripTags('<lang en-GB>colour</lang>')).toBe('colour');
    expect(stripTags('one <00:00:01.000>two <01:02.500>three')).toBe('one two three');
  });

  it('drops ruby annotations but keeps the base text', () => {
    expect(stripTags('<ruby>神経<rt>しんけい</rt></ruby>回路')).toBe('神経回路');
    expect(stripTags('<ruby>漢<rt>kan</ruby>字')).toBe('漢字');
  });

  it('removes HTML-style SubRip tags with attributes, in any case', () => {
    expect(stripTags('<font color="#ff0000">red</font> <FONT COLOR=red>RED</FONT>')).toBe('red RED');
  });

  it('keeps text that only looks a little like a tag', () => {
    expect(stripTags('x < y and y > z')).toBe('x < y and y > z');
    expect(stripTags('I <3 neural nets > trees')).toBe('I <3 neural nets > trees');
    expect(stripTags('a <- b')).toBe('a <- b');
    expect(stripTags('unclosed <b tag')).toBe('unclosed <b tag');
    expect(stripTags('<b\n>not a tag across lines')).toBe('<b\n>not a tag across lines');
  });
});

describe('stripAssOverrides', () => {
  it('removes {\\...} blocks only', () => {
    expect(stripAssOverrides('{\\an8}top {\\i1}it{\\i0}')).toBe('top it');
    expect(stripAssOverrides('a set {1, 2} stays')).toBe('a set {1, 2} stays');
  });
});

describe('decodeEntities', () => {
  it('decodes the named references captions use', () => {
    expect(decodeEntities('&amp; &lt; &gt; &quot; &apos;')).toBe('& < > " \'');
    expect(decodeEntities('a&nbsp;b')).toBe('a b');
    expect(decodeEntities('&lrm;x&rlm;')).toBe('\u200Ex\u200F');
  });

  it('decodes numeric references and replaces invalid code points', () => {
    expect(decodeEntities('&#65;&#x42;&#X1F600;')).toBe('AB\u{1F600}');
    expect(decodeEntities('&#0;&#xD800;&#99999999;')).toBe('\uFFFD\uFFFD\uFFFD');
  });

  it('leaves unknown or malformed references alone', () => {
    expect(decodeEntities('AT&T &unknown; &amp &constructor; &#;')).toBe('AT&T &unknown; &amp &constructor; &#;');
  });
});
