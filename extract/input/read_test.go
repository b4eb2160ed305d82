package input

import (
	"bytes"
	"testing"
	"testing/iotest"
)

// read sizes its buffer from a guess; whatever the guess, it must return
// what Read (io.ReadAll under the limit) returns.
func TestReadWithHint(t *testing.T) {
	for _, size := range []int{0, 1, 100, 4095, 4096, 4097, 70000} {
		data := bytes.Repeat([]byte("abcdefg\n"), size/8+1)[:size]
		for _, maxSize := range []int{0, 50, 4096, 1 << 20} {
			want := data
			if maxSize > 0 && len(want) > maxSize+1 {
				want = want[:maxSize+1]
			}
			for _, hint := range []int64{-1, 0, 1, int64(size) - 1, int64(size), int64(size) + 1, 3 * int64(size)} {
				got, err := read(bytes.NewReader(data), maxSize, hint)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("size %d max %d hint %d: %d bytes, %v; want %d bytes", size, maxSize, hint, len(got), err, len(want))
				}
				got, err = read(iotest.OneByteReader(bytes.NewReader(data)), maxSize, hint)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("one byte at a time, size %d max %d hint %d: %d bytes, %v; want %d bytes", size, maxSize, hint, len(got), err, len(want))
				}
			}
		}
	}
	if _, err := read(iotest.ErrReader(iotest.ErrTimeout), 0, 10); err != iotest.ErrTimeout {
		t.Errorf("failing reader: err = %v, want %v", err, iotest.ErrTimeout)
	}
}
