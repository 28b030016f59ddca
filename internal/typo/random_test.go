package typo

import (
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
)

// pieces are the fragments that the rules react to; random strings made of
// them find interactions between rules faster than byte-level fuzzing.
var pieces = strings.Fields(`中 文 业 一 二 〇 年 万 元 亩 多 月 公司 , : ; ! ? ( ) " ' “ ” ‘ ’ 〞 〝
	- -- . ... — … 。 － o O I l Ο о 1 0 2 5 % ％ a x X f _ / http:// www. 对应 统 逐 二〇 、 ， （ ）
	IlOO 2O23 有限公司 厂 XX (一) 一是 http://a.b/c?x=1,2 f(x) Xi'an 零 三 年度 10:30 1,200 安徽 解决`)

func randomText(r *rand.Rand, maxLen int) string {
	var b strings.Builder
	for n := r.IntN(maxLen) + 1; n > 0; n-- {
		switch k := r.IntN(20); {
		case k == 0:
			b.WriteByte(' ')
		case k == 1:
			b.WriteString("\u3000")
		case k == 2:
			b.WriteByte('\n')
		default:
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
	}
	return b.String()
}

func TestRandomProperties(t *testing.T) {
	n := 20000
	if v, err := strconv.Atoi(os.Getenv("TYPO_RANDOM_N")); err == nil {
		n = v // longer runs: TYPO_RANDOM_N=2000000 go test -run Random
	}
	seed, _ := strconv.ParseUint(os.Getenv("TYPO_RANDOM_SEED"), 10, 64)
	maxLen := 24
	if v, err := strconv.Atoi(os.Getenv("TYPO_RANDOM_LEN")); err == nil {
		maxLen = v
	}
	r := rand.New(rand.NewPCG(1, 2+seed))
	for range n {
		checkProperties(t, randomText(r, maxLen))
	}
}
