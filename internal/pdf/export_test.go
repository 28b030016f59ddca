package pdf

// For the tests of package pdf_test, which build a real site.
var (
	PNGTexts       = pngTexts
	ColourDistance = colourDistance
)

// FinishWhole is Finish with the fonts left as Chromium embedded them, for
// the tests that compare a PDF with its subset fonts to it.
func FinishWhole(raw []byte, info Info) ([]byte, error) { return finish(raw, info, false) }
