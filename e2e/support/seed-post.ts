/**
 * What readers must find of the blog's first post. The paragraphs are copied from the original
 * Blogger page (not read from content/), so a change to the post's Markdown that loses or reorders
 * text fails the journey instead of silently moving the expectation along with it.
 */
export const seedPost = {
  id: 'from-russia-with-love',
  title: 'From Russia with love: Moscow and Beijing pledge closer support amid tensions with West',
  path: '/2016/09/from-russia-with-love',
  bloggerPath: '/2016/09/from-russia-with-love-moscow-and.html',
  dateHeader: 'Sunday, September 4, 2016',
  year: '2016',
  yearPath: '/2016',
  month: 'September',
  monthPath: '/2016/09',
  labels: ['China', 'Russia', 'G20'],
  pullQuote: 'Russia is not happy about the current world order',
  pullQuoteCaption: 'Wang Xianju, State Council’s Development Research Centre',
} as const;

/** The body's paragraphs in order (the pull quote and its attribution are not paragraphs of the text). */
export const seedParagraphs = [
  'President Xi Jinping and his Russian counterpart, Vladimir Putin, have pledged greater “coordination” in international and regional affairs as the two nations deepen their ties amid growing tensions with the West.During a meeting with Putin in Hangzhou on Sunday, Xi also said China and Russia would deepen their strategic cooperation and resolutely support one another’s national sovereignty and security.',
  'Xi also called for greater coordination between the two nations over China’s “One Belt, One Road” initiative to revive the land and maritime Silk Roads dating back to the days of Marco Polo and the Russian-led Eurasian Economic Union.',
  'Their meeting was the second time Putin has visited China this year after his June visit when more than 30 trade deals were signed.',
  'The two countries have become closer through military and trade cooperation in recent years after Moscow turned to China in the face of sanctions imposed by the West over Russia’s annexation of Ukraine’s Crimea peninsula.',
  'China has also sought greater military cooperation with Russia, such a joint drill planned later this month in the South China Sea, against the backdrop of increasing tensions with the US.',
  'Before the G20 summit a top Chinese official promised Putin would top China’s guest list.',
  'In contrast with the treatment Putin received at last year’s summit in Turkey, where he was snubbed by Western leaders over the Ukraine crisis, this year he was greeted warmly by Xi and given a more prominent spot in the front row for the photo of world leaders.',
  'While responding to China’s appeal for greater Sino-Russia cooperation, Putin was quoted as saying that Russia “will be glad to take part in this discussion”, Russia’s TASS news agency reported.',
  'A Chinese observer said the two nations had used the G20 summit to present a united front against what they regarded as the Western-oriented world order.',
  '“Russia is not happy about the current world order,” said Wang Xianju, a researcher at the Euro-Asian Social Development Research Institute of the State Council’s Development Research Centre. “China and Russia share more common interests or similar stances in a range of issues, such as in Syria, the South China Sea and THAAD [US missile defence system in South Korea].”',
] as const;

/**
 * Every text block of the original page between the title and Blogger's comment links, in reading
 * order: the pull quote and its attribution stand between the eighth and ninth paragraphs.
 */
export const seedTextBlocks = [
  ...seedParagraphs.slice(0, 8),
  seedPost.pullQuote,
  seedPost.pullQuoteCaption,
  ...seedParagraphs.slice(8),
] as const;

/** Blogger's chrome that was on the original page but is not part of the post. */
export const bloggerChrome = ['No comments:', 'Post a Comment'] as const;
