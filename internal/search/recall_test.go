package search

import (
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/search/searchtest"
)

// scanUnit is a paragraph as a plain scan sees it: the link to it and its
// text as written.
type scanUnit struct {
	link, text string
}

// scanUnits lists every searchable piece of the reports, independently of
// the index's own splitting: the title, and each block with text.
func scanUnits(reps []Report) []scanUnit {
	var out []scanUnit
	for _, r := range reps {
		r = r.filled()
		out = append(out, scanUnit{r.URL, r.Title})
		for _, b := range r.Doc.Blocks {
			text := b.Content()
			if b.Kind == report.Table {
				text = tableText(b.Rows)
			}
			if strings.TrimSpace(text) != "" {
				out = append(out, scanUnit{r.URL + "#" + b.ID, text})
			}
		}
	}
	return out
}

// archive builds the index of n synthetic reports (and the seed) in a
// temporary directory.
func archive(t testing.TB, n int, seed uint64, tu Tuning) ([]Report, *Index) {
	t.Helper()
	docs, err := searchtest.Archive(n, seed)
	if err != nil {
		t.Fatal(err)
	}
	s, err := searchtest.Seed()
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, s)
	reps := make([]Report, len(docs))
	for i, d := range docs {
		reps[i] = Report{Doc: d}
	}
	dir := filepath.Join(t.TempDir(), "search")
	if err := WriteTuned(dir, reps, tu); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return reps, ix
}

// TestRecall checks the index against a plain scan of the text: for
// thousands of random substrings of 2–6 characters, every paragraph that
// contains one is found, and every paragraph found contains every word of
// it. A substring without stops (spaces, ，。 …) is one word, and then the
// two sets are equal.
func TestRecall(t *testing.T) {
	for _, c := range []struct {
		name string
		tu   Tuning
	}{
		{"default", DefaultTuning},
		// Small leaves and trie files: every kind of node and file, deep.
		{"small", Tuning{Split: 8, Depth: 6, Inline: 64, Bucket: 512}},
	} {
		t.Run(c.name, func(t *testing.T) { recall(t, c.tu) })
	}
}

func recall(t *testing.T, tu Tuning) {
	reps, ix := archive(t, 120, 3, tu)
	units := scanUnits(reps)
	folded := make([]string, len(units))
	for i, u := range units {
		folded[i] = Fold(u.text)
	}
	rng := rand.New(rand.NewPCG(11, 12))
	queries, missed, extra := 0, 0, 0
	for queries < 3000 {
		u := units[rng.IntN(len(units))]
		rs := []rune(u.text)
		n := 2 + rng.IntN(5)
		if len(rs) < n {
			continue
		}
		i := rng.IntN(len(rs) - n + 1)
		q := string(rs[i : i+n])
		words := Words(q)
		long := slices.DeleteFunc(slices.Clone(words), func(w string) bool { return len([]rune(w)) < 2 })
		if len(long) == 0 {
			continue
		}
		queries++
		res, err := ix.Query(q)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		got := map[string]bool{}
		for _, r := range res {
			got[r.URL] = true
			for _, w := range long {
				if !strings.Contains(Fold(r.Text), w) {
					extra++
					if extra <= 5 {
						t.Errorf("%q: %s does not contain %q: %s", q, r.URL, w, r.Text)
					}
				}
			}
		}
		fq := Fold(q)
		want := 0
		for j, f := range folded {
			if !strings.Contains(f, fq) {
				continue
			}
			want++
			if !got[units[j].link] {
				missed++
				if missed <= 5 {
					t.Errorf("%q: missed %s: %s", q, units[j].link, units[j].text)
				}
			}
		}
		if !strings.ContainsRune(fq, stop) && len(got) != want {
			t.Errorf("%q: found %d paragraphs, a plain scan %d", q, len(got), want)
		}
	}
	t.Logf("%d queries on %d reports (%d paragraphs): %d paragraphs missed, %d found that lack a word; %d KiB of index read",
		queries, len(reps), len(units), missed, extra, ix.Read()>>10)
}
