"""Replays the call sequences real Subsonic players make against a live `tonearm serve`: first launch,
library sync, playing a song (stream with Range, scrobble now-playing, scrobble submission), starring
and Instant Mix. Each sequence is reconstructed from the player's public source (the file named in its
docstring) or, for Symfonium, its documented behaviour. Every JSON reply is validated against the
OpenSubsonic schemas, XML replies (DSub's format) are parsed, and every call must succeed unless the
player is known to cope with a refusal. Run by SubsonicPlayerTests; prints one line per failure."""
import argparse
import json
import pathlib
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

from check_clients import FAILURES, Schemas, check, report, token_auth

NS = "{http://subsonic.org/restapi}"


class Player:
    def __init__(self, name, base, schemas, auth, fmt="json", view=True):
        self.name, self.base, self.schemas, self.auth, self.fmt, self.view = name, base, schemas, auth, fmt, view

    def get(self, method, headers=None, **params):
        query = dict(self.auth, v="1.16.1", c=self.name, **params)
        if self.fmt == "json":
            query["f"] = "json"
        path = method + (".view" if self.view else "")
        request = urllib.request.Request(f"{self.base}/rest/{path}?" + urllib.parse.urlencode(query, doseq=True),
                                         headers=headers or {})
        try:
            with urllib.request.urlopen(request) as res:
                return res.status, res.headers, res.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def call(self, method, may_fail=False, **params):
        """The reply's members; a failure is one unless `may_fail` (the player copes with it)."""
        status, headers, body = self.get(method, **params)
        check(status == 200, f"{self.name} {method}: HTTP {status}")
        if self.fmt == "json":
            reply = json.loads(body)
            self.schemas.validate(method, reply)
            reply = reply["subsonic-response"]
        else:
            root = ET.fromstring(body)
            check(root.tag == NS + "subsonic-response", f"{self.name} {method}: XML root {root.tag}")
            reply = {"status": root.get("status"), "xml": root}
        check(reply["status"] == "ok" or may_fail, f"{self.name} {method} {params}: {reply.get('error')}")
        return reply

    def stream(self, song_id, path, first_bytes=65536):
        """The start of the file with a Range, as players' audio engines ask, then the rest."""
        data = pathlib.Path(path).read_bytes()
        status, headers, body = self.get("stream", headers={"Range": f"bytes=0-{first_bytes - 1}"}, id=song_id)
        check(status == 206 and body == data[:first_bytes], f"{self.name} stream Range: HTTP {status}")
        status, _, body = self.get("stream", headers={"Range": f"bytes={first_bytes}-"}, id=song_id)
        check(status == 206 and body == data[first_bytes:], f"{self.name} stream the rest: HTTP {status}")

    def play(self, song, when_ms):
        self.call("scrobble", id=song["id"], submission="false")
        self.stream(song["id"], song["path"])
        self.call("scrobble", id=song["id"], submission="true", time=str(when_ms))


def xml_items(reply, tag):
    return [element.attrib for element in reply["xml"].iter(NS + tag)]


def feishin(player, expect):
    """Feishin (src/renderer/api/subsonic/subsonic-controller.ts): extensions and folders at login, the
    home page's album rows, the song list through search3 with an empty query (its library view), then
    play, star and Instant Mix (getSimilarSongs2)."""
    player.call("ping")
    player.call("getOpenSubsonicExtensions")
    player.call("getMusicFolders")
    for kind in ("newest", "recent", "frequent", "random"):
        player.call("getAlbumList2", type=kind, size="15", offset="0")
    player.call("getArtists")
    player.call("getGenres")
    player.call("getPlaylists")
    synced, offset = [], 0
    while True:
        page = player.call("search3", query='""', songCount="500", songOffset=str(offset), artistCount="0", albumCount="0")
        songs = page["searchResult3"].get("song", [])
        synced += [s["id"] for s in songs]
        offset += len(songs)
        if len(songs) < 500:
            break
    check(sorted(synced) == sorted(s["id"] for s in expect["songs"].values()), "Feishin's song list holds every song once")
    song = expect["songs"]["vibe"]
    player.play(song, 1_700_000_000_000)
    player.call("star", id=song["id"])
    starred = player.call("getStarred2")["starred2"]
    check(song["id"] in [s["id"] for s in starred.get("song", [])], "Feishin sees its star")
    mix = player.call("getSimilarSongs2", id=song["id"], count="50")["similarSongs2"].get("song", [])
    check(mix and song["id"] not in [s["id"] for s in mix], "Feishin's Instant Mix")


def supersonic(player, expect):
    """Supersonic (backend/mediaprovider/subsonic/subsonicmediaprovider.go, trackiterator.go,
    backend/savedplayqueue.go): restores the saved play queue, lists albums (recently added first) and
    reads each album for its all-tracks view, searches tracks with search3 (50 songs, no artists or
    albums), plays with a now-playing scrobble and a submission, saves the queue, shows lyrics and the
    artist page, and makes a mix with getSimilarSongs2."""
    player.call("ping")
    player.call("getOpenSubsonicExtensions")
    player.call("getPlayQueue")
    player.call("getPlaylists")
    tracks, offset = [], 0
    while True:
        albums = player.call("getAlbumList2", type="newest", size="20", offset=str(offset))["albumList2"].get("album", [])
        for album in albums:
            tracks += [s["id"] for s in player.call("getAlbum", id=album["id"])["album"].get("song", [])]
        offset += len(albums)
        if len(albums) < 20:
            break
    check(sorted(tracks) == sorted(s["id"] for s in expect["songs"].values()), "Supersonic's track list holds every song")
    found = player.call("search3", query="pistachio", songCount="50", artistCount="0", albumCount="0")
    check([s["id"] for s in found["searchResult3"].get("song", [])] == [expect["songs"]["ragtime"]["id"]], "Supersonic's track search")
    song = expect["songs"]["ragtime"]
    player.play(song, 1_700_000_100_000)
    queue = [expect["songs"][n]["id"] for n in ("ragtime", "funk")]
    player.call("savePlayQueue", id=queue, current=queue[0], position="42000")
    saved = player.call("getPlayQueue")["playQueue"]
    check([e["id"] for e in saved.get("entry", [])] == queue and saved.get("position") == 42000, "Supersonic's queue comes back")
    player.call("getLyricsBySongId", id=song["id"])
    artist = player.call("getSong", id=song["id"])["song"]
    album = player.call("getAlbum", id=artist["albumId"])["album"]
    player.call("getArtist", id=album["artistId"])
    player.call("getArtistInfo2", id=album["artistId"], count="10")
    player.call("getSimilarSongs2", id=song["id"], count="100")


def dsub(player, expect):
    """DSub (app/src/main/java/github/daneren2005/dsub/service/RESTMusicService.java), XML and
    `.view` paths, folder browsing by default: indexes, then each directory; the v1 album list and
    starred; play and star; the radio from getSimilarSongs; now playing."""
    player.call("ping")
    player.call("getLicense")
    player.call("getMusicFolders")
    indexes = player.call("getIndexes")
    seen, pending = set(), [a["id"] for a in xml_items(indexes, "artist")]
    seen |= {c["id"] for c in xml_items(indexes, "child") if c.get("isDir") != "true"}
    while pending:
        directory = player.call("getMusicDirectory", id=pending.pop())
        for child in xml_items(directory, "child"):
            (pending.append(child["id"]) if child.get("isDir") == "true" else seen.add(child["id"]))
    check(seen == {s["id"] for s in expect["songs"].values()}, "DSub reaches every song through the folders")
    player.call("getAlbumList", type="newest", size="20", offset="0")
    player.call("getPlaylists")
    song = expect["songs"]["dnb"]
    player.play(song, 1_700_000_200_000)
    player.call("star", id=song["id"])
    check(song["id"] in [s["id"] for s in xml_items(player.call("getStarred"), "song")], "DSub sees its star")
    check(xml_items(player.call("getSimilarSongs", id=song["id"], count="50"), "song"), "DSub's radio")
    player.call("getNowPlaying")


def tempo(player, expect):
    """Tempo/Tempus (app/src/main/java/com/cappielloantonio/tempo/subsonic/api/*): home rows from the
    album lists and starred, random songs, artist radio (getSimilarSongs2 with an artist id) and top
    songs, play with scrobbles, the play queue, and unstar."""
    player.call("ping")
    for kind in ("recent", "frequent", "newest", "starred", "highest"):
        player.call("getAlbumList2", type=kind, size="20")
    player.call("getStarred2")
    player.call("getRandomSongs", size="100")
    player.call("getGenres")
    artists = [a for index in player.call("getArtists")["artists"].get("index", []) for a in index.get("artist", [])]
    artist = next(a for a in artists if a["name"] == expect["album"]["artist"])
    player.call("getArtistInfo2", id=artist["id"])
    player.call("getTopSongs", artist=artist["name"], count="10")
    radio = player.call("getSimilarSongs2", id=artist["id"], count="50")["similarSongs2"].get("song", [])
    check(radio, "Tempo's artist radio")
    song = expect["songs"]["funk"]
    player.play(song, 1_700_000_300_000)
    player.call("savePlayQueue", id=[song["id"]], current=song["id"], position="1000")
    player.call("getPlayQueue")
    player.call("star", id=song["id"])
    player.call("unstar", id=song["id"])


def amperfy(player, expect):
    """Amperfy (AmperKit/Api/Subsonic/SubsonicServerApi.swift): syncs artists, albums (alphabetical,
    paged) and the songs through search3, playlists, podcasts (a server without them answers an error
    it shows as none), then plays and rates."""
    player.call("ping")
    player.call("getArtists")
    player.call("getAlbumList2", type="alphabeticalByName", size="500", offset="0")
    songs = player.call("search3", query="", songCount="500", songOffset="0", artistCount="0", albumCount="0")
    check(len(songs["searchResult3"].get("song", [])) == len(expect["songs"]), "Amperfy's song sync")
    player.call("getPlaylists")
    player.call("getPodcasts", may_fail=True)
    player.call("getMusicDirectory", id=expect["album"]["id"])
    song = expect["songs"]["galway"]
    player.play(song, 1_700_000_400_000)
    player.call("setRating", id=song["id"], rating="5")
    check(player.call("getSong", id=song["id"])["song"].get("userRating") == 5, "Amperfy's rating")


def substreamer(player, expect):
    """Substreamer (documented in its help pages): the library tabs, radio stations and podcasts it
    hides when refused."""
    for method in ("getArtists", "getGenres", "getStarred2", "getPlaylists"):
        player.call(method)
    player.call("getAlbumList2", type="alphabeticalByName", size="50")
    player.call("getInternetRadioStations", may_fail=True)
    player.call("getPodcasts", may_fail=True)


def symfonium(player, expect):
    """Symfonium (its documented Subsonic sync): the user, the whole library through search3 with an
    empty query in pages of 500, every playlist, starred; lyrics through songLyrics; Instant Mix from a
    song and from an album; scrobbles; the mix of the user's recent plays appears among the playlists."""
    player.call("getOpenSubsonicExtensions")
    player.call("getUser", username=expect["user"])
    songs = player.call("search3", query="", songCount="500", songOffset="0", artistCount="500", albumCount="500")
    check(len(songs["searchResult3"].get("song", [])) == len(expect["songs"]), "Symfonium's sync")
    player.call("getStarred2")
    song = expect["songs"]["voxel"]
    player.play(song, 1_700_000_500_000)
    player.call("getLyricsBySongId", id=song["id"])
    player.call("getSimilarSongs2", id=song["id"], count="50")
    player.call("getSimilarSongs2", id=expect["album"]["id"], count="50")
    playlists = player.call("getPlaylists")["playlists"].get("playlist", [])
    for playlist in playlists:
        player.call("getPlaylist", id=playlist["id"])
    check("mix-recent" in [p["id"] for p in playlists], "Symfonium lists the mix of recent plays")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--expect", required=True)
    parser.add_argument("--schemas", required=True)
    args = parser.parse_args()
    expect = json.loads(pathlib.Path(args.expect).read_text())
    base = f"http://127.0.0.1:{args.port}"
    schemas = Schemas(args.schemas)
    auth = token_auth(expect["user"], expect["password"])
    albums = Player("setup", base, schemas, auth).call("getAlbumList2", type="alphabeticalByName", size="500")["albumList2"]["album"]
    expect["album"]["id"] = next(a["id"] for a in albums if a["name"] == expect["album"]["name"])
    for name, sequence, fmt, view in [("Feishin", feishin, "json", False), ("Supersonic", supersonic, "json", False),
                                      ("DSub", dsub, "xml", True), ("Tempo", tempo, "json", True),
                                      ("Amperfy", amperfy, "json", True), ("Substreamer", substreamer, "json", True),
                                      ("Symfonium", symfonium, "json", True)]:
        before = len(FAILURES)
        sequence(Player(name, base, schemas, auth, fmt, view), expect)
        print(f"{name}: {'ok' if len(FAILURES) == before else 'FAILED'}")
    listens = Player("check", base, schemas, auth).call("getNowPlaying")
    check(not listens["nowPlaying"].get("entry"), "every player's submission ended its now-playing entry")
    return report()


if __name__ == "__main__":
    sys.exit(main())
