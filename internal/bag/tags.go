package bag

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// entry is one line of a manifest: a file the bag vouches for.
type entry struct {
	name   string // relative to the bag's base folder, decoded
	digest []byte
	line   int
}

// parseManifest reads a manifest named file. payload says whether it is a
// payload manifest (every path under data/) or a tag manifest (none). Any
// line that is not "<64 hex digits><spaces or tabs><path>", a path given
// twice or a path that could reach outside the bag is an error: such a
// manifest cannot be checked.
func parseManifest(file string, data []byte, payload bool) ([]entry, error) {
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not UTF-8 text", file)
	}
	var out []entry
	seen := map[string]int{}
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		line = strings.TrimSuffix(line, "\r")
		if line == "" {
			continue
		}
		sum, rest, ok := strings.Cut(line, " ")
		if t, trest, tok := strings.Cut(line, "\t"); tok && (!ok || len(t) < len(sum)) {
			sum, rest, ok = t, trest, tok
		}
		digest, err := hex.DecodeString(sum)
		if !ok || err != nil || len(digest) != 32 {
			return nil, fmt.Errorf("%s:%d: not \"<sha256 in hex>  <path>\": %.80q", file, n, line)
		}
		name := decodePath(strings.TrimLeft(rest, " \t"))
		if err := unsafePath(name); err != nil {
			return nil, fmt.Errorf("%s:%d: %q: %v, refused", file, n, name, err)
		}
		if under := strings.HasPrefix(name, payloadDir+"/"); under != payload {
			where := "a tag file, not a payload file under data/"
			if payload {
				where = "a path outside data/"
			}
			return nil, fmt.Errorf("%s:%d: %q: %s", file, n, name, where)
		}
		if prev, dup := seen[name]; dup {
			return nil, fmt.Errorf("%s:%d: %q is listed again (first on line %d)", file, n, name, prev)
		}
		seen[name] = n
		out = append(out, entry{name, digest, n})
	}
	return out, nil
}

// decodePath undoes the only escapes RFC 8493 defines in a manifest path:
// %0A, %0D and %25.
func decodePath(p string) string {
	if !strings.Contains(p, "%") {
		return p
	}
	r := strings.NewReplacer("%0A", "\n", "%0a", "\n", "%0D", "\r", "%0d", "\r", "%25", "%")
	return r.Replace(p)
}

// checkDeclaration checks bagit.txt: exactly two lines, a version and the
// UTF-8 tag file encoding.
func checkDeclaration(data []byte) error {
	data = bytes.TrimSuffix(data, []byte("\n"))
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	if len(lines) != 2 {
		return fmt.Errorf("%s: not the two lines BagIt-Version: M.N and Tag-File-Character-Encoding: UTF-8", bagitTxt)
	}
	v, ok := strings.CutPrefix(lines[0], "BagIt-Version: ")
	if _, err := strconv.ParseFloat(v, 64); !ok || err != nil {
		return fmt.Errorf("%s:1: %q: want BagIt-Version: M.N", bagitTxt, lines[0])
	}
	enc, ok := strings.CutPrefix(lines[1], "Tag-File-Character-Encoding: ")
	if !ok || !strings.EqualFold(enc, "UTF-8") {
		return fmt.Errorf("%s:2: %q: govreport reads tag files in UTF-8 only", bagitTxt, lines[1])
	}
	return nil
}

// oxum is a Payload-Oxum: octets and files.
type oxum struct {
	bytes, files int64
}

func (o oxum) String() string { return fmt.Sprintf("%d.%d", o.bytes, o.files) }

// payloadOxum finds the Payload-Oxum in bag-info.txt; ok is false when
// there is none (the element is optional).
func payloadOxum(data []byte) (o oxum, ok bool, err error) {
	for i, line := range strings.Split(string(data), "\n") {
		label, value, found := strings.Cut(strings.TrimSuffix(line, "\r"), ":")
		if !found || !strings.EqualFold(strings.TrimSpace(label), "Payload-Oxum") {
			continue
		}
		if ok {
			return oxum{}, false, fmt.Errorf("%s:%d: a second Payload-Oxum", bagInfoTxt, i+1)
		}
		b, f, dot := strings.Cut(strings.TrimSpace(value), ".")
		var e1, e2 error
		o.bytes, e1 = strconv.ParseInt(b, 10, 64)
		o.files, e2 = strconv.ParseInt(f, 10, 64)
		if !dot || e1 != nil || e2 != nil || o.bytes < 0 || o.files < 0 {
			return oxum{}, false, fmt.Errorf("%s:%d: Payload-Oxum %q: want OctetCount.StreamCount", bagInfoTxt, i+1, strings.TrimSpace(value))
		}
		ok = true
	}
	return o, ok, nil
}
