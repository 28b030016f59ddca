package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// chinaTime is the time zone of a report's dates: the site's (config.toml
// timeZone = "Asia/Shanghai"), UTC+8 all year.
var chinaTime = time.FixedZone("UTC+8", 8*3600)

// creator is the PDF's /Creator: the program that made the document.
const creator = "govreport"

// PageInfo reads what the PDF says about a report from its print version's
// <head>:
//
//	<html lang>                        → Lang
//	<meta name="ArticleTitle">         → Title (else <title>)
//	<meta name="author">               → Author, the publishing office
//	<meta name="dcterms.subject">      → Subject, its subject category
//	<meta name="Keywords">             → Keywords
//	<meta name="dcterms.created">      → Created (YYYY-MM-DD)
//	<meta name="PubDate">              → Modified (YYYY-MM-DD[ HH:MM])
//
// Dates are in China's time zone. A date that is there but unreadable is
// an error (name names the page); one that is missing stays zero.
func PageInfo(name string, page []byte) (Info, error) {
	info := Info{Creator: creator}
	meta := map[string]string{}
	var title string
	z := html.NewTokenizer(bytes.NewReader(page))
	for inTitle := false; ; {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				return info, fmt.Errorf("%s: %w", name, z.Err())
			}
			break
		}
		tok := z.Token()
		switch {
		case tt == html.TextToken && inTitle:
			title += tok.Data
		case tt == html.StartTagToken && tok.Data == "html":
			info.Lang = attr(tok, "lang")
		case tt == html.StartTagToken && tok.Data == "title":
			inTitle = true
		case tt == html.EndTagToken && tok.Data == "title":
			inTitle = false
		case (tt == html.StartTagToken || tt == html.SelfClosingTagToken) && tok.Data == "meta":
			if n := attr(tok, "name"); n != "" {
				meta[strings.ToLower(n)] = strings.TrimSpace(attr(tok, "content"))
			}
		case tt == html.StartTagToken && tok.Data == "body":
			return finishInfo(name, info, meta, title)
		}
	}
	return finishInfo(name, info, meta, title)
}

func finishInfo(name string, info Info, meta map[string]string, title string) (Info, error) {
	info.Title = meta["articletitle"]
	if info.Title == "" {
		info.Title = strings.TrimSpace(title)
	}
	info.Author = meta["author"]
	info.Subject = meta["dcterms.subject"]
	info.Keywords = strings.Trim(meta["keywords"], ", ")
	var err error
	if info.Created, err = pageDate(meta["dcterms.created"]); err != nil {
		return info, fmt.Errorf("%s: <meta name=\"dcterms.created\">: %w", name, err)
	}
	if info.Modified, err = pageDate(meta["pubdate"]); err != nil {
		return info, fmt.Errorf("%s: <meta name=\"PubDate\">: %w", name, err)
	}
	return info, nil
}

// pageDate reads "2024-01-27" or "2024-01-27 09:30"; "" is the zero time.
func pageDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, chinaTime); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date written YYYY-MM-DD", s)
}

func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
