package typo

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/testcorpus"
)

// sameAsOracle fails t when Check, Placeholders or PinyinAnnotations
// finds other than the old implementation (oracle_test.go) on s.
func sameAsOracle(t *testing.T, name, s string) {
	t.Helper()
	if got, want := Check(s), oldCheck(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: Check(%q)\n got %+v\nwant %+v", name, s, got, want)
	}
	if got, want := Placeholders(s), oldPlaceholders(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: Placeholders(%q) = %v, want %v", name, s, got, want)
	}
	if got, want := PinyinAnnotations(s), oldPinyinAnnotations(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: PinyinAnnotations(%q) = %v, want %v", name, s, got, want)
	}
}

// TestCheckOracle: on every text the repository holds — each line of the
// seed, the quirks inputs and sources/*.txt, as written and normalised,
// each whole file, and the test cases of this package — Check finds what
// the old implementation found, offsets, levels, codes and messages alike.
func TestCheckOracle(t *testing.T) {
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
	n := 0
	for name, data := range inputs {
		if testcorpus.IsDocx(name) {
			continue // read by internal/source; the golden files of internal/indicator cover them
		}
		text := string(data)
		norm, _ := Normalize(text)
		sameAsOracle(t, name, text)
		sameAsOracle(t, name+" normalised", norm)
		for _, doc := range []string{text, norm} {
			for i, line := range strings.Split(doc, "\n") {
				sameAsOracle(t, name+":"+strconv.Itoa(i+1), line)
				n++
			}
		}
	}
	for _, c := range checkCases {
		sameAsOracle(t, c.name, c.in)
	}
	for _, c := range normCases {
		sameAsOracle(t, c.name, c.in)
		sameAsOracle(t, c.name+" normalised", c.want)
	}
	for _, s := range regressions {
		sameAsOracle(t, "regression", s)
	}
	if n < 1000 {
		t.Errorf("only %d lines compared", n)
	}
}

// checkPieces are what the rules of Check react to: brackets and digits of
// a 文号, years and dates, % and the words after a figure, Chinese
// numerals, names with _, 万 and 亿 before punctuation, change verbs and
// the words after them, pinyin, dashes, placeholders, odd characters.
var checkPieces = strings.Fields(`0 1 2 3 9 19 20 2023 2030 2019 202 12 5 . , 。 ， ； ： 、 ！ ？ , ; : ! ?
	） ) （ ( 〔 〕 ［ ］ [ ] 【 】 号 月 日 年 % ％ 元 万 亿 万亿 亩 人 户 个 家 吨 公里 米 平方 次 项 台 辆 公
	一 二 〇 零 ○ 三 九 十 两 A b PM _ x X xx XX × * ＊ Ｘ ｘ 同比增长 比上年下降 增长 下降 提高 增加 减少
	完成 达到 调整为 分别为 了 万元 亿元 个百分点 项目 以上 户 人次 人口 游客 zhèn ā (zhèn) 镇 中 文 业
	— ― —— 西宁 海东 中国 河南 ? o O Ο о α ж ｱ \u200b \ufeff \ue000 \ufffd \x00 \x7f \xe4 \xb8 \x80 \u00a0 \u3000 WWW.a.b www.c.d 5 1.2 ％ \xc2 \xce \xef`)

// figurePieces are what the pattern rules react to, digits most: long runs
// of them, years and dates, decimals, and what may follow a figure.
var figurePieces = strings.Fields(`0 1 2 3 9 0 1 2 3 9 19 20 19 20 2023 2030 . . % ％ 月 日 年 号 〔 〕 ( ) （ ）
	[ ] 【 】 〔2023〕 (2023) ［2023］ 【2023】 号 20231 中 万 亿 万 亿 元 公里 平方 人口 ， 。 、 , 一 二 〇 三 中 a P M _ _`)

func randomCheckText(r *rand.Rand, maxLen int) string {
	pieces := checkPieces
	if r.IntN(2) == 0 {
		pieces = figurePieces
	}
	var b strings.Builder
	for n := r.IntN(maxLen) + 1; n > 0; n-- {
		switch k := r.IntN(30); {
		case k == 0:
			b.WriteByte('\n')
		case k == 1:
			b.WriteByte(' ')
		default:
			p := pieces[r.IntN(len(pieces))]
			if u, err := strconv.Unquote(`"` + p + `"`); err == nil {
				p = u // the escapes: invisible, private-use, control and invalid bytes
			}
			b.WriteString(p)
		}
	}
	return b.String()
}

// TestCheckOracleRandom: on random texts made of what the rules react to,
// Check finds what the old implementation found.
// TYPO_ORACLE_N=2000000 go test -run CheckOracleRandom runs longer.
func TestCheckOracleRandom(t *testing.T) {
	n := 100000
	if testing.Short() {
		n = 10000
	}
	if v, err := strconv.Atoi(os.Getenv("TYPO_ORACLE_N")); err == nil {
		n = v
	}
	seed, _ := strconv.ParseUint(os.Getenv("TYPO_RANDOM_SEED"), 10, 64)
	r := rand.New(rand.NewPCG(3, 4+seed))
	for i := range n {
		s := randomCheckText(r, 4+i%40)
		sameAsOracle(t, "random", s)
	}
}

// FuzzCheckOracle: Check finds what the old implementation found, on any
// input.
func FuzzCheckOracle(f *testing.F) {
	for _, c := range checkCases {
		f.Add(c.in)
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 50 {
		f.Add(randomCheckText(r, 30))
	}
	f.Fuzz(func(t *testing.T, s string) { sameAsOracle(t, "fuzz", s) })
}

// patternAlphabets are, for each pattern rule in order, the pieces its
// expression reacts to, besides digits.
var patternAlphabets = [][]string{
	strings.Fields("〔 ［ [ 【 ( （ 〕 ］ ] 】 ) ） 号 中 〔2023〕 (2023) 【2019】"),
	strings.Fields("月 日 中"),
	strings.Fields("年 中"),
	strings.Fields("% ％ 中"),
	strings.Fields("元 万 亿 亩 人 户 个 家 吨 公里 米 平方 次 项 台 辆 公 平 中"),
	strings.Fields("一 二 〇 零 ○ 三 九 十 年 中"),
	strings.Fields("a Z P M _ _ 中"),
	strings.Fields("万 亿 万亿 ， ) ） 、 \n 中 元"),
}

// TestPatternMatchers: each pattern rule's matcher finds the matches,
// before vetting, that its regular expression in the old implementation
// found, with FindAllStringSubmatchIndex, on random texts of digits and
// what the expression reacts to.
func TestPatternMatchers(t *testing.T) {
	if len(patternAlphabets) != len(patternRules) || len(oldPatternRules) != len(patternRules) {
		t.Fatal("a pattern rule without an alphabet or an old expression")
	}
	digits := strings.Fields("0 1 2 3 9 19 20 2023 30 . . \xe4 x")
	r := rand.New(rand.NewPCG(7, 8))
	for i, rule := range patternRules {
		pieces := append(slices.Clone(digits), patternAlphabets[i]...)
		for range 20000 {
			var b strings.Builder
			for n := r.IntN(16) + 1; n > 0; n-- {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
			s := b.String()
			sv := surveyCheck(s, checkSurvey{})
			var got [][]int
			for from := 0; ; {
				m, ok := rule.find.find(s, from, &sv)
				if !ok {
					break
				}
				got = append(got, []int{m.a, m.b, m.g, m.h})
				from = m.b
			}
			want := oldPatternRules[i].re.FindAllStringSubmatchIndex(s, -1)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("rule %d (%s) on %q: got %v, want %v", i, oldPatternRules[i].re, s, got, want)
			}
		}
	}
}

// TestAnnotationMatcher: findAnnotation finds the matches, before the
// syllable is vetted, that the old expression found.
func TestAnnotationMatcher(t *testing.T) {
	pieces := strings.Fields("镇 中 〇 a Z zh è ü ǜ é x ( ( （ ) ) ） , 。 \xe4 \xb8 1 é")
	r := rand.New(rand.NewPCG(9, 10))
	for range 100000 {
		var b strings.Builder
		for n := r.IntN(16) + 1; n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		var got [][]int
		for from := 0; ; {
			m, ok := findAnnotation(s, from)
			if !ok {
				break
			}
			got = append(got, m[:])
			from = m[1]
		}
		if want := oldAnnotationRe.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: got %v, want %v", s, got, want)
		}
	}
}
