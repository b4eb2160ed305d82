package main

import (
	"embed"
	"errors"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// web holds the explorer page: its HTML, script and style, and the
// vendored graph library (web/vendor, with its version and licence).
//
//go:embed web
var web embed.FS

// pageHandler serves the page's files; / is web/index.html.
func pageHandler() http.Handler {
	sub, err := fs.Sub(web, "web")
	if err != nil { // the folder is embedded above: cannot happen
		return http.NotFoundHandler()
	}
	files := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}

// contentSecurity is every answer's Content-Security-Policy: scripts,
// styles and requests from this server only, no inline script or style,
// no frames, no plug-ins.
const contentSecurity = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// secure sets the security headers on every answer, refuses requests
// addressed to another host name (DNS rebinding, when listening on
// loopback) and writes from other origins, and answers --cors.
func (sv *server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurity)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if sv.loopback && !loopbackHost(r.Host) {
			writeError(w, http.StatusMisdirectedRequest, errors.New("this server answers only to localhost, 127.0.0.1 or [::1]"))
			return
		}
		origin := r.Header.Get("Origin")
		allowed := origin != "" && origin == sv.opts.CORS
		if allowed {
			h.Set("Access-Control-Allow-Origin", origin)
			h.Add("Vary", "Origin")
			if r.Method == http.MethodOptions {
				h.Set("Access-Control-Allow-Methods", "GET, POST")
				h.Set("Access-Control-Allow-Headers", "Content-Type")
				h.Set("Access-Control-Max-Age", "600")
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		write := r.Method != http.MethodGet && r.Method != http.MethodHead
		if write && origin != "" && !allowed && !sameOrigin(origin, r.Host) {
			writeError(w, http.StatusForbidden, errors.New("a page from another origin may not write here (geokg serve --cors ORIGIN allows one)"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// loopbackHost reports whether the Host header names this machine by a
// loopback name or address.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// sameOrigin reports whether origin is the page's own: this server's
// host and port.
func sameOrigin(origin, host string) bool {
	u, err := url.Parse(origin)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && strings.EqualFold(u.Host, host)
}
