package learn

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// The shipped form of a Model, gzip-compressed:
//
//	"QTLM" version(1) uvarint(tags) uvarint(features) float32(scale)
//	(tags+1)×tags float32 transitions
//	features in increasing hash order: uvarint(hash − previous hash),
//	then tags zigzag varints, each weight / scale rounded;
//	uvarint(words), then each word as uvarint(length) and its bytes.
//
// Sorting makes the file depend on the weights alone, so retraining with the
// same data and settings writes the same bytes.

const codecVersion = 2

// Encode writes the model in its shipped form.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var maxAbs float32
	for _, v := range m.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	var buf [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	sv := func(x int64) { bw.Write(buf[:binary.PutVarint(buf[:], x)]) }
	f32 := func(f float32) { binary.Write(bw, binary.LittleEndian, math.Float32bits(f)) }
	bw.WriteString("QTLM")
	bw.WriteByte(codecVersion)
	uv(uint64(m.Tags))
	uv(uint64(len(m.hashes)))
	f32(scale)
	for _, v := range m.trans {
		f32(v)
	}
	rows := make([]int, len(m.hashes))
	for i := range rows {
		rows[i] = i
	}
	slices.SortFunc(rows, func(a, b int) int { return cmp.Compare(m.hashes[a], m.hashes[b]) })
	var prev Hash
	for _, r := range rows {
		h := m.hashes[r]
		uv(uint64(h - prev))
		prev = h
		for _, v := range m.w[r*m.Tags : r*m.Tags+m.Tags] {
			sv(int64(math.Round(float64(v / scale))))
		}
	}
	uv(uint64(len(m.Vocab)))
	for _, w := range m.Vocab {
		uv(uint64(len(w)))
		bw.WriteString(w)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ErrBadModel is returned for bytes that are not a model in the shipped form.
var ErrBadModel = errors.New("not a quotetrail model")

// Decode reads a model in its shipped form.
func Decode(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	r := bytes.NewReader(raw)
	head := make([]byte, 5)
	if _, err := io.ReadFull(r, head); err != nil || string(head[:4]) != "QTLM" {
		return nil, ErrBadModel
	}
	if head[4] != codecVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrBadModel, head[4], codecVersion)
	}
	tags, err1 := binary.ReadUvarint(r)
	n, err2 := binary.ReadUvarint(r)
	if err1 != nil || err2 != nil || tags == 0 || tags > 64 || n > uint64(len(raw)) {
		return nil, ErrBadModel
	}
	f32 := func() (float32, error) {
		var u uint32
		err := binary.Read(r, binary.LittleEndian, &u)
		return math.Float32frombits(u), err
	}
	scale, err := f32()
	if err != nil {
		return nil, ErrBadModel
	}
	m := &Model{Tags: int(tags), hashes: make([]Hash, 0, n),
		trans: make([]float32, (tags+1)*tags), w: make([]float32, 0, n*tags)}
	for i := range m.trans {
		if m.trans[i], err = f32(); err != nil {
			return nil, ErrBadModel
		}
	}
	var h Hash
	for i := uint64(0); i < n; i++ {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, ErrBadModel
		}
		h += Hash(d)
		m.hashes = append(m.hashes, h)
		for t := uint64(0); t < tags; t++ {
			q, err := binary.ReadVarint(r)
			if err != nil {
				return nil, ErrBadModel
			}
			m.w = append(m.w, float32(q)*scale)
		}
	}
	nv, err := binary.ReadUvarint(r)
	if err != nil || nv > uint64(r.Len()) {
		return nil, ErrBadModel
	}
	for i := uint64(0); i < nv; i++ {
		l, err := binary.ReadUvarint(r)
		if err != nil || l > uint64(r.Len()) {
			return nil, ErrBadModel
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(r, b); err != nil {
			return nil, ErrBadModel
		}
		m.Vocab = append(m.Vocab, string(b))
	}
	if r.Len() != 0 {
		return nil, fmt.Errorf("%w: %d bytes after the weights", ErrBadModel, r.Len())
	}
	m.table = newTable(m.hashes, m.w, m.Tags)
	return m, nil
}
