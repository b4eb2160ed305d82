package store

// SetLimits changes when b commits, for tests: after size estimated bytes
// or count estimated entries.
func (b *Batch) SetLimits(size, count int64) { b.maxSize, b.maxCount = size, count }
