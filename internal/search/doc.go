// Package search builds the archive's full-text index as static files and
// answers queries from them, in Go (govreport search) and in the browser
// (static/js/search.js), with the same algorithm.
//
// Every query of two or more characters finds every paragraph that
// contains it, as a substring, after folding (see Fold): no word
// segmentation, so a name, part of a word, a figure with its unit (6200亩,
// 20.56%) or a phrase across word boundaries is found like any other.
//
// The index is a trie of the text's n-grams cut to the corpus: each
// position of the folded text is filed under the shortest prefix of what
// follows it (two characters at least) that is rare enough (at most
// [Tuning].Split positions), or under its first [Tuning].Depth characters.
// Every such prefix (a leaf) lists its positions — report, paragraph,
// offset — and the trie says, for each prefix, how many bytes its leaves
// take. A word of m characters is the positions p for which the text at
// p+k starts with word[k:], for a set of offsets k whose prefixes cover the
// whole word; the reader picks the cheapest such set from the trie, and
// downloads only those leaves. No candidate needs checking against the
// text: the answer, the count and the filters are exact from the index, and
// the text is downloaded only for the paragraphs shown.
//
// Files, under the directory Write is given (public/search/), each a script
// calling the global function _gs(name, data) so that the browser loads
// them with <script> elements, from file:// too:
//
//	m.js          the folding table, the places and years of the reports
//	b/<h>.js      the trie of each pair of characters whose hash is h, or
//	              its size when it is large and has a file of its own:
//	s/<a>_<b>.js  the trie of the pair ab (code points in base 36)
//	p/<a>_<b>_<n>.js  the positions of a leaf too large to keep in the trie
//	t/<r>_<c>.js  the text of report r's paragraphs in chunk c, with the
//	              report's title, place, year and address
//
// Ranking: paragraphs whose match is in a report's title or a heading come
// first; then newer reports (by year, then date); then the place's name;
// then reading order.
package search
