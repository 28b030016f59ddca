package indicator

import (
	"strings"
	"unicode/utf8"
)

// unfold returns a label read from folded text as the report writes it:
// each character is taken from the report where the folded text has it,
// in order; characters the rules added (任务完成率) stay as they are.
func unfold(label, folded, src string) string {
	if i := strings.Index(folded, label); i >= 0 {
		return src[i : i+len(label)]
	}
	out := make([]byte, 0, len(label))
	at := 0
	for _, r := range label {
		j := strings.Index(folded[at:], string(r))
		if j < 0 {
			out = utf8.AppendRune(out, r)
			continue
		}
		j += at
		w := utf8.RuneLen(r)
		out, at = append(out, src[j:j+w]...), j+w
	}
	return string(out)
}
