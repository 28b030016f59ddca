package typo

import (
	"os"
	"testing"
)

func FuzzNormalize(f *testing.F) {
	for _, c := range normCases {
		f.Add(c.in)
	}
	for _, c := range checkCases {
		f.Add(c.in)
	}
	for _, s := range regressions {
		f.Add(s)
	}
	if b, err := os.ReadFile(seedPath); err == nil {
		f.Add(string(b[:4000]))
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkProperties(t, s)
		for _, r := range Placeholders(s) {
			if r[0] < 0 || r[0] >= r[1] || r[1] > len(s) {
				t.Fatalf("bad placeholder range %v in %q", r, s)
			}
		}
		for _, is := range Check(s) {
			if is.Off < 0 || is.Off > is.End || is.End > len(s) {
				t.Fatalf("bad issue range %+v in %q", is, s)
			}
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		b.Skip("seed not present:", err)
	}
	s := string(data)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Normalize(s)
	}
}

func BenchmarkCheck(b *testing.B) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		b.Skip("seed not present:", err)
	}
	s, _ := Normalize(string(data))
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Check(s)
	}
}
