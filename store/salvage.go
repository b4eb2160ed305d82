package store

import (
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/proto"
)

// openSalvage opens what can be read of a damaged store, for Recover,
// without writing to it: a copy of it (tables and value logs hard links,
// the rest copied, as readCopy does) in which
//
//   - the MANIFEST is written anew, listing the tables whose every block
//     passes its checksum, at the level the old MANIFEST gives them (level
//     0 when it cannot be read, where tables may overlap): a table that
//     fails is left out whole;
//   - an empty value log is added after the last one, so that Badger's
//     open cuts nothing: the last one's values after a damaged entry stay
//     readable;
//   - compactions are off and level 0 takes any number of tables.
//
// left lists what was left out, one line each.
func openSalvage(dir string, opts Options, bopts func(string) badger.Options) (s *Store, left []string, err error) {
	release, err := lockDir(dir, false)
	if err != nil {
		return nil, nil, err
	}
	var tmp string
	defer func() {
		if err != nil {
			release()
			if tmp != "" {
				os.RemoveAll(tmp)
			}
		}
	}()
	tables, rewrite, left, err := salvageTables(dir)
	if err != nil {
		return nil, nil, err
	}
	l := layout{listed: tables}
	if tmp, err = copyStore(dir, l); err != nil {
		return nil, nil, fmt.Errorf("store: recover %s: %w", dir, err)
	}
	if left, err = rewriteTables(dir, tmp, tables, rewrite, left); err != nil {
		return nil, nil, fmt.Errorf("store: recover %s: %w", dir, err)
	}
	if err := salvageLayout(tmp, tables); err != nil {
		return nil, nil, fmt.Errorf("store: recover %s: %w", dir, err)
	}
	bo := opts.apply(tmp, bopts).WithReadOnly(false).WithNumCompactors(0).WithCompactL0OnClose(false).
		WithNumLevelZeroTables(math.MaxInt32 - 1).WithNumLevelZeroTablesStall(math.MaxInt32)
	db, err := badger.Open(bo)
	if err != nil {
		db, err = badger.Open(bo) // see layout.emptyLog
	}
	if err != nil {
		return nil, nil, fmt.Errorf("store: recover %s: Badger cannot open what is left of it: %s", dir, oneLine(err))
	}
	ro := opts
	ro.ReadOnly = true
	return &Store{db: db, dir: dir, opts: ro, bopts: bopts, copy: tmp, release: release}, left, nil
}

// salvageTables returns the tables of dir to read, with their levels and
// compression, those of them with blocks that fail their checksums (to be
// rewritten without them), and a line for each table left out.
func salvageTables(dir string) (tables map[uint64]badger.TableManifest, rewrite []uint64, left []string, err error) {
	old := map[uint64]badger.TableManifest{}
	if err := readManifest(dir, old); err != nil {
		left = append(left, fmt.Sprintf("the MANIFEST (%s): every table is read at level 0", damagedWhere(err)))
		clear(old)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.sst"))
	if err != nil {
		return nil, nil, nil, err
	}
	tables = map[uint64]badger.TableManifest{}
	for _, p := range paths {
		id, err := strconv.ParseUint(strings.TrimSuffix(filepath.Base(p), ".sst"), 10, 64)
		if err != nil {
			continue
		}
		tm, known := old[id]
		if !known && len(old) > 0 {
			continue // not in a MANIFEST that can be read: what a kill left, which Badger deletes
		}
		switch err := readTable(p, tm.Compression, true, nil); {
		case errors.Is(err, errTableBlock):
			rewrite = append(rewrite, id)
		case err != nil:
			left = append(left, fmt.Sprintf("table %s: %v; left out", filepath.Base(p), err))
			continue
		}
		tables[id] = tm
	}
	return tables, rewrite, left, nil
}

// rewriteTables replaces, in the copy tmp of dir, each table of rewrite
// by one without its damaged blocks (rewriteTable), uncompressed.
func rewriteTables(dir, tmp string, tables map[uint64]badger.TableManifest, rewrite []uint64, left []string) ([]string, error) {
	for _, id := range rewrite {
		name := tableName(id)
		if err := os.Remove(filepath.Join(tmp, name)); err != nil {
			return left, err
		}
		bad, blocks, err := rewriteTable(filepath.Join(dir, name), filepath.Join(tmp, name), tables[id].Compression)
		if err != nil {
			left = append(left, fmt.Sprintf("table %s: %v; left out", name, err))
			delete(tables, id)
			continue
		}
		left = append(left, fmt.Sprintf("table %s: %d of its %d blocks fail their checksums; their keys are left out", name, bad, blocks))
		tm := tables[id]
		tm.Compression = options.None
		tables[id] = tm
		if bad == blocks {
			delete(tables, id)
		}
	}
	return left, nil
}

func damagedWhere(err error) string {
	var d *DamagedError
	if errors.As(err, &d) {
		return d.Where
	}
	return oneLine(err)
}

// salvageLayout writes the MANIFEST and the empty last value log of the
// copy tmp (see openSalvage); the tables tmp holds that are not listed
// are removed from it (links: the store's own stay).
func salvageLayout(tmp string, tables map[uint64]badger.TableManifest) error {
	paths, err := filepath.Glob(filepath.Join(tmp, "*.sst"))
	if err != nil {
		return err
	}
	for _, p := range paths {
		id, err := strconv.ParseUint(strings.TrimSuffix(filepath.Base(p), ".sst"), 10, 64)
		if _, ok := tables[id]; err != nil || !ok {
			if err := os.Remove(p); err != nil {
				return err
			}
		}
	}
	if err := writeManifest(tmp, tables); err != nil {
		return err
	}
	return addEmptyVlog(tmp)
}

// writeManifest writes a MANIFEST into dir that lists tables: Badger's
// magic header (taken from a MANIFEST Badger writes for an empty database)
// and one change set creating each table, in Badger's framing (length and
// CRC-32C, big-endian, then the protocol buffer).
func writeManifest(dir string, tables map[uint64]badger.TableManifest) error {
	header, err := manifestHeader(dir)
	if err != nil {
		return err
	}
	var set pb.ManifestChangeSet
	for id, tm := range tables {
		set.Changes = append(set.Changes, &pb.ManifestChange{
			Id: id, Op: pb.ManifestChange_CREATE, Level: uint32(tm.Level), KeyId: tm.KeyID,
			EncryptionAlgo: pb.EncryptionAlgo_aes, Compression: uint32(tm.Compression),
		})
	}
	buf, err := proto.Marshal(&set)
	if err != nil {
		return err
	}
	out := append(header, make([]byte, 8)...)
	binary.BigEndian.PutUint32(out[8:12], uint32(len(buf)))
	binary.BigEndian.PutUint32(out[12:16], crc32.Checksum(buf, castagnoli))
	out = append(out, buf...)
	path := filepath.Join(dir, "MANIFEST")
	os.Remove(path)
	return os.WriteFile(path, out, 0o600)
}

// manifestHeader returns the 8 bytes a MANIFEST starts with, from one
// Badger writes for an empty database in a folder under dir.
func manifestHeader(dir string) ([]byte, error) {
	empty, err := os.MkdirTemp(dir, "empty-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(empty)
	db, err := badger.Open(badger.DefaultOptions(empty).WithLogger(nil).WithCompression(options.None).
		WithMemTableSize(1 << 20).WithValueLogFileSize(1 << 20).WithValueThreshold(1 << 10).WithBlockCacheSize(0))
	if err != nil {
		return nil, err
	}
	if err := db.Close(); err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(empty, "MANIFEST"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	header := make([]byte, 8)
	if _, err := io.ReadFull(f, header); err != nil {
		return nil, err
	}
	return header, nil
}

// addEmptyVlog adds an empty value log (a header: no encryption key, a
// random IV) numbered after the last one in dir.
func addEmptyVlog(dir string) error {
	paths, err := filepath.Glob(filepath.Join(dir, "*.vlog"))
	if err != nil {
		return err
	}
	next := 1
	for _, p := range paths {
		if id, err := strconv.Atoi(strings.TrimSuffix(filepath.Base(p), ".vlog")); err == nil && id >= next {
			next = id + 1
		}
	}
	header := make([]byte, vlogHeaderSize)
	if _, err := rand.Read(header[8:]); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, fmt.Sprintf("%06d.vlog", next)), header, 0o600)
}
