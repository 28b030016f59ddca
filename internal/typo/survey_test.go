package typo

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/testcorpus"
)

// allRules is a survey that holds everything: normalize with it runs every
// rule, as Normalize did before it passed over the rules a text gives
// nothing to.
const allRules = ^survey(0)

// sameWithAllRules fails t when Normalize, which passes over the rules
// whose marks s lacks, differs from running every rule.
func sameWithAllRules(t *testing.T, name, s string) {
	t.Helper()
	got, gotCh := Normalize(s)
	want, wantCh := normalize(s, allRules)
	if got != want || !reflect.DeepEqual(gotCh, wantCh) {
		t.Fatalf("%s: Normalize(%q)\n got %q %+v\nwant %q %+v", name, s, got, gotCh, want, wantCh)
	}
}

// TestSurveyGates: on every line of the seed, the quirks inputs and
// sources/*.txt, on the test cases and on random texts, Normalize gives
// what running every rule gives.
func TestSurveyGates(t *testing.T) {
	inputs, err := testcorpus.Inputs()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(testcorpus.Root(), "sources", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(f)] = data
	}
	for name, data := range inputs {
		if testcorpus.IsDocx(name) {
			continue
		}
		sameWithAllRules(t, name, string(data))
		for _, line := range strings.Split(string(data), "\n") {
			sameWithAllRules(t, name, line)
		}
	}
	for _, c := range normCases {
		sameWithAllRules(t, c.name, c.in)
	}
	for _, s := range regressions {
		sameWithAllRules(t, "regression", s)
	}
	r := rand.New(rand.NewPCG(13, 14))
	n := 50000
	if testing.Short() {
		n = 5000
	}
	for i := range n {
		s := randomText(r, 4+i%30)
		if i%2 == 1 {
			s = randomCheckText(r, 4+i%30)
		}
		sameWithAllRules(t, "random", s)
	}
}

// TestDecodeAt: decodeAt decodes as utf8.DecodeRuneInString at every byte
// of texts valid and not, and of every lead byte before continuation
// bytes of every range.
func TestDecodeAt(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	for range 20000 {
		s := randomCheckText(r, 12)
		for i := range len(s) {
			gr, gn := decodeAt(s, i)
			wr, wn := utf8.DecodeRuneInString(s[i:])
			if gr != wr || gn != wn {
				t.Fatalf("decodeAt(%q, %d) = %q %d, want %q %d", s, i, gr, gn, wr, wn)
			}
		}
	}
	for c := range 256 {
		for _, s := range []string{string([]byte{byte(c), 0x80, 0x80}), string([]byte{byte(c), 0xBF, 0xBF}), string([]byte{byte(c), 0x9F, 0xBF}), string([]byte{byte(c), 0xA0, 0x80, 0x80}), string([]byte{byte(c), 0x80})} {
			gr, gn := decodeAt(s, 0)
			if wr, wn := utf8.DecodeRuneInString(s); gr != wr || gn != wn {
				t.Fatalf("decodeAt(%q) = %q %d, want %q %d", s, gr, gn, wr, wn)
			}
		}
	}
}
