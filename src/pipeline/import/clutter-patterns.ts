/**
 * The vocabulary of page clutter: phrases web pages print around an article, in any outlet's
 * template. Each pattern matches a whole short block, never a phrase inside a sentence, so article
 * text that merely mentions "comments" or "commission" is not touched.
 */

/** The longest block a clutter phrase is looked for in; longer blocks are article text. */
export const CLUTTER_MAX_WORDS = 30;

/** Phrases that mark a block as page furniture, with the reason reported for its removal. */
export const BOILERPLATE: Array<[pattern: RegExp, reason: string]> = [
  [/\b(?:affiliate|sponsored|partner)\s+links?\b.*\bcommission\b|\b(?:may|might|will)\s+(?:earn|receive)\s+(?:us\s+)?(?:a\s+)?(?:small\s+)?commission\b/i, 'affiliate disclosure'],
  [/\b(?:we|this\s+(?:web)?site)(?:\s+and\s+(?:our|selected|trusted|third[- ]party)\s+(?:partners|vendors))?\s+uses?\s+cookies\b|\baccept\s+(?:all\s+)?cookies\b|\bcookie\s+(?:policy|settings|preferences)\b/i, 'cookie notice'],
  [/^(?:sign\s+up|subscribe)\b.{0,80}\b(?:newsletter|updates|alerts|inbox|(?:unlimited|full|digital)\s+(?:access|edition|archive))\b|^subscribe(?:\s+now|\s+to\s+.{1,40})?[.!]?$|^(?:get|receive)\s+(?:our|the)\s+.{0,40}newsletter\b|\b(?:sent|delivered|straight|direct(?:ly)?)\s+to\s+your\s+inbox\b|\bin\s+your\s+inbox\s+(?:by|every|each)\b|^enter\s+your\s+e-?mail(?:\s+address)?\b|^by\s+(?:signing\s+up|subscribing|registering|clicking)\b.{0,60}\b(?:agree|accept|consent)\b|^support\s+(?:independent|quality|local|our|trusted)\s+journalism\b/i, 'subscription prompt'],
  // A call for tips under an investigation: "Do you have information about this story? Contact our team at …".
  [/^(?:do\s+you\s+have|have\s+you\s+got|got)\s+(?:any\s+)?(?:information|a\s+(?:story|tip)|news)\b.{0,60}\?\s*(?:contact|e-?mail|call|message|write|get\s+in\s+touch|send)\b/i, 'call for tips'],
  [/^(?:share|tweet|pin|email|print|copy\s+link)(?:\s+(?:this|the))?(?:\s+(?:article|story|post|page))?(?:\s+(?:on|via)\s+\S+)?$|^(?:facebook|twitter|x|whatsapp|linkedin|reddit|telegram|pinterest|email|flipboard)(?:\s*[|,·•/]?\s*(?:facebook|twitter|x|whatsapp|linkedin|reddit|telegram|pinterest|email|flipboard))+$|^(?:share|email|print|save|copy\s+link|comment)(?:\s*[|,·•/]\s*(?:share|email|print|save|copy\s+link|comment|facebook|twitter|x|whatsapp|linkedin))+$/i, 'share buttons'],
  [/^(?:advertisement|advertising|sponsored(?:\s+content)?|ad|promoted|story\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:ad|advertisement))?|continue\s+reading\s+below)$/i, 'advertisement'],
  // An advertiser's copy printed after the label: "ADVERTISEMENT - Hartley's: spring sale now on."
  [/^(?:advertisement|advertising|paid\s+(?:content|partnership|post))\s*(?:[-–—:|]|\s-\s)\s*\S/i, 'advertisement'],
  [/^listen\s+(?:to\s+)?(?:this\s+)?(?:article|story)?\s*[·|:–—-]?\s*(?:\d+|an?|one|two|three|four|five)\s*min(?:ute)?s?\.?$|^(?:(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)[-\s]?(?:min(?:ute)?s?\.?)\s+(?:read|listen)|(?:estimated\s+)?(?:reading|listening)\s+time\s*:?\s*(?:\d+|an?|one|two|three|four|five)\s*(?:min(?:ute)?s?\.?))$/i, 'reading time'],
  [/^you\s+have\s+(?:\d+|no|one|two|three|four|five)\s+(?:more\s+)?(?:free\s+)?(?:articles?|stories|story|reads?|pages?)\s+(?:left|remaining)\b|\bregister\s+(?:now\s+|today\s+)?(?:for\s+(?:free\s+)?)?(?:unlimited|full)\s+access\b|^(?:subscribe|sign\s+up|log\s+in|register)\s+(?:now\s+)?to\s+(?:continue|keep)\s+reading\b|^this\s+(?:article|story|content)\s+is\s+(?:only\s+)?(?:for|available\s+to|reserved\s+for|exclusive\s+to)\s+(?:paying\s+|premium\s+)?(?:subscribers|members)\b/i, 'paywall notice'],
  [/\bbuy\s+(?:me|us)\s+a\s+(?:coffee|beer)\b|^(?:support|donate\s+to)\b.{0,60}\b(?:reader[- ](?:funded|supported)|donations?|patreon|ko-fi)\b|^(?:donate|support\s+us|become\s+a\s+patron)\s*[.!]?$/i, 'donation prompt'],
  // Wire services print their editorial code under each story: "Our Standards: The Trust Principles."
  [/^our\s+(?:standards|editorial\s+(?:standards|principles|guidelines))\s*:/i, 'editorial standards notice'],
  [/^(?:skip|jump)\s+to\s+(?:main\s+)?(?:content|navigation|menu)$|^search\s+results\s+for\b|^(?:sign|log)\s+(?:in|out)$|^(?:menu|search|close|open\s+menu|toggle\s+navigation)$/i, 'page navigation'],
  [/^(?:©|\(c\)\s|copyright\b)|\ball\s+rights\s+reserved\b/i, 'copyright notice'],
  [/^(?:follow\s+us\b|download\s+(?:our|the)\s+app\b|join\s+our\s+.{1,30}\s+(?:channel|community|group)\b|like\s+us\s+on\s+facebook\b)/i, 'follow prompt'],
];

/**
 * A cookie notice longer than the blocks BOILERPLATE looks at: it opens by saying the site uses
 * cookies ("We and our partners use cookies and similar technologies to …") and goes on about the
 * reader's choices. Looked for in blocks of at most COOKIE_NOTICE_MAX_WORDS.
 */
export const COOKIE_NOTICE = /^(?:cookie\s+notice\s*:\s*)?(?:we|this\s+(?:web)?site)(?:\s+and\s+(?:our|selected|trusted|third[- ]party)\s+(?:partners|vendors))?\s+uses?\s+cookies\b[\s\S]*\b(?:cookie\s+(?:policy|settings|preferences|options|notice)|privacy\s+(?:policy|notice|settings)|your\s+(?:choices|consent|preferences)|manage\s+(?:preferences|options|settings)|learn\s+more|find\s+out\s+more|change\s+your\s+(?:choices|settings|preferences))\b/i;
export const COOKIE_NOTICE_MAX_WORDS = 80;

/** A cookie banner's heading or buttons: "We value your privacy", "ACCEPT ALL   MANAGE PREFERENCES". */
export const COOKIE_BANNER = /^(?:we\s+(?:value|care\s+about|respect)\s+your\s+privacy|your\s+privacy(?:\s+(?:choices|settings|matters))?|privacy\s+(?:settings|preferences|choices)|cookie\s+(?:settings|preferences|options|consent))[.!]?$|^\[?\s*(?:accept|agree|ok|reject|decline|manage|got\s+it)\b[^.]{0,80}\b(?:all|cookies|preferences|options|settings|essential|continue)\s*\]?(?:\s+\[?\s*[\p{L} -]{1,30}\]?)*$/iu;

/** Image captions and credits the saved text kept. */
export const CAPTION = new RegExp(
  [
    String.raw`\((?:click|tap)\s+(?:here\s+)?(?:for|to)\s+(?:(?:a|the)\s+)?(?:full[- ]?size|enlarge|larger|expand|zoom|view)[^)]*\)`,
    String.raw`^(?:image|photo|picture|video|graphic|illustration|infographic)\s*(?:credits?|source|courtesy)?\s*:`,
    String.raw`\b(?:image|photo|picture)\s+(?:credits?|courtesy|source)\b`,
    String.raw`\b(?:lead|featured|representational|representative|file|hero|header|cover|thumbnail)\s+(?:image|photo|picture|pic)\b`,
    String.raw`\b(?:getty\s+images|shutterstock|istock(?:photo)?)\b`,
  ].join('|'),
  'i',
);

/**
 * A caption that ends with its credit: "… since Monday. Picture: Jane Roe", "… closed from
 * Monday morning. (Coast Desk: John Doe)", "… on Monday. (Wire Photo/Jane Roe)". Looked for in blocks of at most CAPTION_MAX_WORDS.
 */
export const CREDIT_TAIL = /(?:^|[.!?]\s+|\s)(?:[Pp]icture|[Pp]hoto(?:graph)?|[Ii]mage|[Pp]ic|[Cc]redit|[Pp]hoto\s+[Cc]redit|PICTURE|PHOTO|IMAGE|CREDIT)\s*:\s*\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){0,3}\s*$|\(\s*\p{Lu}[\p{L}\p{M}&.'’ -]{1,40}:\s*\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){0,3}\s*\)\s*$|\(\s*(?:\p{Lu}[\p{L}\p{M}&.'’ -]{0,40}\s)?(?:Photo|Photograph|Picture|Image)\s*\/\s*\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){0,3}(?:,\s*[Ff]ile)?\s*\)\s*$/u;
export const CAPTION_MAX_WORDS = 40;

/**
 * One-line promotions of other stories: "READ MORE: …", "Read: …", "NEXT: …", "Watch Video: …".
 * Promotions print a headline, which ends without a period; "Next: the council votes in June." is a sentence.
 */
export const PROMO = /^(?:read\s+(?:more|also|next|this)|also\s+read|read|next|up\s+next|watch(?:\s+(?:video|now|this))?|see\s+also|also\s+see|related|recommended|don[’']t\s+miss|must\s+read|more|more\s+on\s+this|listen|check\s+out|trending|suggested|featured|previous|sponsored)\s*[:|›»>–—]\s*\S/i;

/** A block that is only a label of the page's furniture: "Also Read", "Advertisement", "Load more". */
export const LABEL = /^(?:also\s+read|read\s+(?:more|also|next)|see\s+also|watch(?:\s+video)?|more|show\s+more|load\s+more|show\s+(?:latest|new|more|all)\s+(?:updates|posts|entries)|view\s+(?:more|all)|continue\s+reading|click\s+here|listen(?:\s+to\s+(?:this\s+)?(?:article|story))?|next|previous|back\s+to\s+top|top|home|tags?|topics?|filed\s+under)\s*[:.!»›]?$/i;

/** Headings after which the page holds reader comments: nothing after them is article text. */
export const COMMENTS_HEADING = /^(?:\d+\s+)?(?:reader\s+|user\s+|readers[’']\s+)?comments?(?:\s*\(\d+\))?$|^(?:reader|user)s?[’']?\s+(?:responses|discussion)$|^(?:leave|post|add|write)\s+a\s+(?:comment|reply)$|^(?:join|start)\s+the\s+(?:discussion|conversation)$|^(?:show|view|load|read|see)\s+(?:all\s+)?(?:\d+\s+)?comments$/i;

/** Headings of boxes that list other stories ("Related", "Most Popular", "You might like", "Editor's Pick"). */
export const RELATED_HEADING = new RegExp(
  String.raw`^(?:read\s+more|more\s+on\s+this\s+(?:story|topic)|related(?:\s+(?:articles?|stories|posts|news|topics|content|coverage|reading|videos|links))?|(?:most\s+)?popular(?:\s+(?:articles|stories|posts|now|today|this\s+week|devices|news|videos))?|most\s+(?:read|viewed|shared|commented|popular)|you\s+(?:might|may)\s+(?:also\s+)?(?:like|enjoy)|editor[’']?s[’']?\s+picks?|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|more\s+(?:stories|articles|news|headlines|to\s+read|from\s+.{1,40})|trending(?:\s+(?:now|stories|news|today))?|latest(?:\s+(?:news|stories|articles|headlines|videos))?|key\s+events|top\s+(?:stories|news|headlines)|further\s+reading|what\s+to\s+read\s+next|don[’']t\s+miss|in\s+case\s+you\s+missed\s+it|around\s+the\s+web|from\s+the\s+web|(?:sponsored|promoted)\s+stories)\s*:?$`,
  'i',
);

/** A block that is only Markdown image or link syntax, or a bare address. */
export const MEDIA_MARKUP = /^(?:!?\[[^\]]*(?:\[[^\]]*\][^\]]*)*\]\([^)\s]*(?:\s+"[^"]*")?\)\s*)+$|^(?:https?:\/\/|www\.)\S+$/i;
