package wechat

import "sync"

// Registry finds clients by appid or code name. Clients may be added and
// removed while the program runs. The zero value is ready to use.
type Registry[C interface{ Config() Config }] struct {
	mu sync.RWMutex
	m  map[string]C
}

// Add registers c under its appid and, if set, its code name, replacing any
// client registered under the same names.
func (r *Registry[C]) Add(c C) {
	cfg := c.Config()
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = make(map[string]C)
	}
	r.m[cfg.AppID] = c
	if cfg.CodeName != "" {
		r.m[cfg.CodeName] = c
	}
}

// Remove unregisters the client with this appid or code name, under both of
// its names, and reports whether there was one.
func (r *Registry[C]) Remove(appIDOrCodeName string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	c, ok := r.m[appIDOrCodeName]
	if !ok {
		return false
	}
	cfg := c.Config()
	delete(r.m, cfg.AppID)
	if cfg.CodeName != "" {
		delete(r.m, cfg.CodeName)
	}
	return true
}

// Get returns the client registered under an appid or a code name.
func (r *Registry[C]) Get(appIDOrCodeName string) (C, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	c, ok := r.m[appIDOrCodeName]
	return c, ok
}

// Len returns the number of distinct clients registered.
func (r *Registry[C]) Len() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	seen := make(map[string]struct{}, len(r.m))
	for _, c := range r.m {
		seen[c.Config().AppID] = struct{}{}
	}
	return len(seen)
}
