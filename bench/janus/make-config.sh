#!/usr/bin/env bash
# Writes a private Janus 1.1.2 config folder (never /etc/janus), per ../shared/bench/janus-loopback.md:
# loopback-only HTTP, one static event loop per core, eth0 as the only ICE interface, no outside look-ups.
set -euo pipefail
out="${1:?usage: make-config.sh OUT_DIR}"
lib=/usr/lib/x86_64-linux-gnu/janus
mkdir -p "$out"
cat > "$out/janus.jcfg" <<CFG
general: {
	configs_folder = "$out"
	plugins_folder = "$lib/plugins"
	transports_folder = "$lib/transports"
	events_folder = "$lib/events"
	loggers_folder = "$lib/loggers"
	debug_level = 3
	admin_secret = "bench-admin"
	event_loops = 2
	session_timeout = 120
}
media: {
	rtp_port_range = "20000-29999"
}
nat: {
	ice_enforce_list = "eth0"
	ignore_mdns = true
	nice_debug = false
}
plugins: {
	disable = "libjanus_duktape.so,libjanus_lua.so,libjanus_nosip.so,libjanus_recordplay.so,libjanus_sip.so,libjanus_textroom.so,libjanus_videocall.so,libjanus_voicemail.so,libjanus_streaming.so,libjanus_echotest.so,libjanus_audiobridge.so"
}
transports: {
	disable = "libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_pfunix.so,libjanus_rabbitmq.so"
}
loggers: {
	disable = "libjanus_jsonlog.so"
}
events: {
	broadcast = false
}
CFG
cat > "$out/janus.transport.http.jcfg" <<CFG
general: {
	json = "indented"
	base_path = "/janus"
	http = true
	port = 8088
	ip = "127.0.0.1"
	https = false
}
admin: {
	admin_base_path = "/admin"
	admin_http = true
	admin_port = 7088
	admin_ip = "127.0.0.1"
	admin_https = false
}
CFG
cat > "$out/janus.transport.websockets.jcfg" <<CFG
general: {
	json = "indented"
	ws = true
	ws_port = 8188
	ws_ip = "127.0.0.1"
	wss = false
}
admin: {
	admin_ws = false
	admin_wss = false
}
CFG
cat > "$out/janus.plugin.videoroom.jcfg" <<CFG
general: {
}
room-1234: {
	description = "Parley fan-out bench"
	publishers = 20
	bitrate = 64000
	audiocodec = "opus"
	audiolevel_ext = true
	audiolevel_event = false
	videocodec = "vp8"
}
CFG
