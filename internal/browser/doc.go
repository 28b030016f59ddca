// Package browser holds the tests that look at the built site the way a
// reader's browser does: the real seed report is built with site.Build,
// served on 127.0.0.1 (and opened from file://), and driven in Debian's
// Chromium through chromedp. They check the layout on a 320/360 px phone,
// the contents and figure links, the text-size and high-contrast controls
// with and without JavaScript, that no request leaves the site, axe-core's
// WCAG 2.1 A/AA rules and the Nu HTML Checker.
//
// The tests need Chromium, Java and tools/node_modules (npm ci in tools/).
// Without them they skip, except under CI=true, where they fail: .ci/run
// installs all three.
package browser
