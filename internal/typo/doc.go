// Package typo puts Chinese report text into the typography of
// GB/T 15834-2011 and repairs the OCR slips that are certain, reporting every
// change so that an editor can see it and Undo can revert it. Check points
// out what must not be changed automatically.
//
// Normalize applies these rules and nothing else:
//
//   - punct: , : ; ! ? ( ) next to Chinese (a Chinese character or
//     full-width punctuation, looking past spaces and other half-width marks)
//     become ，：；！？（）. Parentheses and straight quotes go by pairs on a
//     line; " and ' become “” and ‘’. Left alone: URLs, marks between two
//     digits (1,200 10:30), ? between two Chinese characters (see Check),
//     apostrophes (Xi'an), f(x), pinyin a site injected after a character
//     (镇(zhèn), reported by Check). A half-width . is never changed. A
//     full-width ％ after a figure becomes % (5.1％ → 5.1%), as official
//     documents write it.
//   - dash: 一一 used as a dash, -- and －－ between Chinese, ―― (U+2015)
//     and a lone — or ― that is plainly a broken dash (Chinese on one side,
//     punctuation, a space or the line's edge on the other) become ——; a
//     lone — between two Chinese characters, or after a name ending in a
//     bracket (中国（河南）—东盟), is the 一字线 connector (西宁—海东) or
//     unsure, and stays (Check reports it); ... ...... 。。。
//     and a lone … become …….
//   - ocr: I l O o Ο О inside numbers become digits (IlOO多万元, 2O23年);
//     o between a Chinese character and a digit or Chinese becomes 。;
//     O Ο О o in a year in Chinese numerals become 〇 (二Ο三五年); 〞 not
//     closing a 〝 becomes ”.
//   - space: spaces between a figure and its unit go (77.8 % → 77.8%).
//
// The comments on each rule give the exact conditions. Normalize is
// idempotent (a second run changes nothing) and reversible
// (Undo(Normalize(s)) == s), for any input, valid UTF-8 or not.
package typo
