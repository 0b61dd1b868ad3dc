"""Drives a live `tonearm serve` with two Subsonic client libraries nobody on the team wrote
(py-opensonic, py-sonic), validates every JSON reply against the OpenSubsonic schemas and checks
that XML replies carry the same data. Run by SubsonicClientTests; prints one line per failure."""
import argparse
import asyncio
import hashlib
import json
import pathlib
import subprocess
import sys
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import jsonschema
import libopensonic
import libsonic
import referencing
import referencing.jsonschema

FAILURES = []
VALIDATED = {}


def check(condition, message):
    if not condition:
        FAILURES.append(message)
    return condition


# --- schemas -----------------------------------------------------------------------------------

class Schemas:
    def __init__(self, root):
        self.root = pathlib.Path(root).resolve()
        self.registry = referencing.Registry(retrieve=self._retrieve)

    def _retrieve(self, uri):
        path = pathlib.Path(urllib.parse.urlparse(uri).path)
        return referencing.Resource.from_contents(json.loads(path.read_text()),
                                                  default_specification=referencing.jsonschema.DRAFT7)

    def _reply_schema(self, method):
        """The JSON schema of a method's 200 reply; a shared response (`$ref`) is followed. Binary
        methods (stream, getCoverArt) have none for JSON, so their JSON errors meet the generic envelope."""
        folder = self.root / "endpoints"
        operation = json.loads((folder / f"{method}.json").read_text())
        response = (operation.get("get") or operation.get("post"))["responses"]["200"]
        if "$ref" in response:
            path = (folder / response["$ref"]).resolve()
            folder, response = path.parent, json.loads(path.read_text())
        schema = response["content"].get("application/json", {}).get("schema")
        if schema is None:
            return self.root / "schemas" / "SubsonicResponse.json"
        return (folder / schema["$ref"]).resolve()

    def validate(self, method, reply):
        uri = self._reply_schema(method).as_uri()
        validator = jsonschema.Draft7Validator({"$ref": uri}, registry=self.registry)
        errors = sorted(validator.iter_errors(reply), key=lambda e: list(e.path))
        VALIDATED[method] = VALIDATED.get(method, 0) + 1
        check(not errors, f"{method}: reply does not match its schema: "
              + "; ".join(f"{list(e.path)}: {e.message[:200]}" for e in errors[:3]))


def method_of(url):
    name = urllib.parse.urlparse(str(url)).path.rsplit("/", 1)[-1]
    return name[:-5] if name.endswith(".view") else name


def install_validation(schemas):
    """Every JSON reply either client parses goes through the schema first."""
    original_info = libopensonic.AsyncConnection._handle_info_res

    async def handle_info(self, res):
        schemas.validate(method_of(res.url), await res.json())
        return await original_info(self, res)
    libopensonic.AsyncConnection._handle_info_res = handle_info

    original_bin = libopensonic.AsyncConnection._handle_bin_res

    async def handle_bin(self, res):
        if res.headers.get("Content-Type", "").startswith("application/json"):
            schemas.validate(method_of(res.url), await res.json())
        return await original_bin(self, res)
    libopensonic.AsyncConnection._handle_bin_res = handle_bin

    def do_info(self, req):
        res = self._opener.open(req)
        reply = json.loads(res.read().decode("utf-8"))
        schemas.validate(method_of(req.full_url), reply)
        return reply["subsonic-response"]
    libsonic.Connection._doInfoReq = do_info


# --- raw requests, for what the clients cannot send ----------------------------------------------

class Raw:
    def __init__(self, base, schemas):
        self.base, self.schemas = base, schemas

    def get(self, method, params, auth=None, fmt="json", validate=True):
        query = dict(auth or {}, v="1.16.1", c="tonearm-test", **params)
        if fmt:
            query["f"] = fmt
        url = f"{self.base}/rest/{method}?" + urllib.parse.urlencode(query, doseq=True)
        try:
            with urllib.request.urlopen(url) as res:
                status, ctype, body = res.status, res.headers.get("Content-Type", ""), res.read()
        except urllib.error.HTTPError as error:
            status, ctype, body = error.code, error.headers.get("Content-Type", ""), error.read()
        if validate and status == 200 and ctype.startswith("application/json"):
            self.schemas.validate(method, json.loads(body))
        return status, ctype, body

    def json(self, method, params, auth=None):
        status, ctype, body = self.get(method, params, auth)
        check(status == 200 and ctype.startswith("application/json"), f"{method}: HTTP {status} {ctype}")
        return json.loads(body)["subsonic-response"]


def normalized_json(value):
    """JSON members in the shape XML has: scalars as strings, every child a list."""
    if isinstance(value, dict):
        out = {}
        for key, member in value.items():
            if isinstance(member, dict):
                out[key] = [normalized_json(member)]
            elif isinstance(member, list):
                out[key] = [normalized_json(item) for item in member]
            else:
                out[key] = normalized_json(member)
        return out
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def normalized_xml(element):
    if len(element) == 0 and not element.attrib and element.text is not None:
        return element.text
    out = {key: value for key, value in element.attrib.items() if key != "xmlns"}
    for child in element:
        out.setdefault(child.tag.split("}", 1)[-1], []).append(normalized_xml(child))
    return out


def check_xml_matches_json(raw, auth, method, params):
    _, ctype, body = raw.get(method, params, auth, fmt="xml")
    check(ctype.startswith("application/xml"), f"{method} xml: content type {ctype}")
    try:
        root = ET.fromstring(body)
    except ET.ParseError as error:
        check(False, f"{method} xml does not parse: {error}")
        return
    reply = raw.json(method, params, auth)
    check(normalized_xml(root) == normalized_json(reply), f"{method}: XML and JSON replies differ")


# --- the scenario ----------------------------------------------------------------------------------

def token_auth(user, password, salt="c0ffee42"):
    return {"u": user, "t": hashlib.md5((password + salt).encode()).hexdigest(), "s": salt}


def security(raw, expect, auth):
    status, _, body = raw.get("getOpenSubsonicExtensions", {})
    reply = json.loads(body)["subsonic-response"]
    check(status == 200 and reply["status"] == "ok", "getOpenSubsonicExtensions must answer without auth")
    check({"name": "sonicSimilarity", "versions": [1]} in reply.get("openSubsonicExtensions", []),
          "sonicSimilarity v1 must be announced")
    song = next(iter(expect["songs"].values()))["id"]
    for method in expect["methods"]:
        status, ctype, body = raw.get(method, {"id": song}, validate=False)
        ok = status == 200 and ctype.startswith("application/json") and json.loads(body)["subsonic-response"]["status"] == "failed"
        check(ok, f"{method} answered without auth (HTTP {status}, {ctype})")
        if ok:
            check(json.loads(body)["subsonic-response"]["error"]["code"] in (10, 40), f"{method}: wrong error code without auth")
    for name, params in [("wrong password", {"u": expect["user"], "p": "wrong"}),
                         ("unknown user", {"u": "mallory", "p": expect["password"]})]:
        reply = raw.json("ping", params)
        check(reply["status"] == "failed" and reply["error"]["code"] == 40, f"ping with {name} must fail with 40")
    reply = raw.json("ping", {"u": expect["user"], "apiKey": expect["apiKey"]})
    check(reply["status"] == "failed" and reply["error"]["code"] == 43, "apiKey with u must fail with 43")
    reply = raw.json("ping", {"apiKey": "0" * 64})
    check(reply["status"] == "failed" and reply["error"]["code"] == 44, "an unknown apiKey must fail with 44")

    traversal = "../../../../../../etc/passwd"
    for method, params in [("getSong", {"id": traversal}), ("getSong", {"id": "999999999"}), ("getAlbum", {"id": traversal}),
                           ("getArtist", {"id": traversal}), ("getPlaylist", {"id": traversal}),
                           ("getSimilarSongs2", {"id": traversal}), ("getSonicSimilarTracks", {"id": "999999999"}),
                           ("findSonicPath", {"startSongId": song, "endSongId": traversal}),
                           ("stream", {"id": traversal}), ("stream", {"id": "/etc/passwd"}), ("download", {"id": "999999999"}),
                           ("getCoverArt", {"id": traversal}), ("getCoverArt", {"id": "al-../../etc"}),
                           ("getRandomSongs", {"size": "1000000000"}), ("getSimilarSongs2", {"id": song, "count": "1000000000"}),
                           ("getSonicSimilarTracks", {"id": song, "count": "99999999999999999999999"}),
                           ("findSonicPath", {"startSongId": song, "endSongId": song, "count": "1000000000"}),
                           ("search3", {"query": "", "songCount": "1000000000"}),
                           ("getAlbumList2", {"type": "random", "size": "-1"}), ("getCoverArt", {"id": song, "size": "100000000"})]:
        status, ctype, body = raw.get(method, params, auth)
        clean = status == 200 and ctype.startswith("application/json") and json.loads(body)["subsonic-response"]["status"] == "failed"
        check(clean, f"{method} {params}: not a clean error (HTTP {status}, {ctype}, {body[:80]!r})")
    reply = raw.json("getPodcasts", {}, auth)
    check(reply["status"] == "failed" and reply["error"]["code"] == 0, f"an unimplemented method must answer error 0: {reply}")
    status, ctype, body = raw.get("noSuchMethod", {}, auth, validate=False)
    check(status == 404 and json.loads(body)["subsonic-response"]["status"] == "failed",
          f"an unknown method must answer 404 with a Subsonic error, got {status} {body[:80]!r}")


async def opensonic(base, port, expect, raw):
    """py-opensonic: token (POST form bodies), legacy and API-key logins; browse, search, stream,
    cover art, playlists, mixes and paths."""
    conn = libopensonic.AsyncConnection(base, expect["user"], expect["password"], port=port)
    legacy = libopensonic.AsyncConnection(base, expect["user"], expect["password"], port=port,
                                          legacy_auth=True, use_get=True)
    keyed = libopensonic.AsyncConnection(base, api_key=expect["apiKey"], port=port, use_views=False)
    wrong = libopensonic.AsyncConnection(base, expect["user"], "not-the-password", port=port)
    try:
        check(await conn.ping(), "opensonic token ping")
        check(await legacy.ping(), "opensonic legacy ping")
        check(await keyed.ping(), "opensonic apiKey ping")
        check((await keyed.get_user(expect["user"])).username == expect["user"], "opensonic apiKey getUser")
        try:
            await wrong.ping()
            check(False, "opensonic: a wrong password must be refused")
        except libopensonic.errors.SonicError:
            pass
        extensions = await conn.get_open_subsonic_extensions()
        check(any(e.name == "sonicSimilarity" for e in extensions), "opensonic sees sonicSimilarity")

        album_expect = expect["album"]
        artists = await conn.get_artists()
        found = [a for index in artists.index for a in index.artist if a.name == album_expect["artist"]]
        if check(len(found) == 1, f"opensonic getArtists lists {album_expect['artist']} once"):
            artist = await conn.get_artist(found[0].id)
            albums = [a for a in artist.album if a.name == album_expect["name"]]
            if check(len(albums) == 1, "opensonic getArtist lists the album"):
                album_expect["id"] = albums[0].id
                album = await legacy.get_album(albums[0].id)
                check([s.id for s in album.song] == album_expect["songIds"], f"opensonic getAlbum songs in track order: {[s.id for s in album.song]}")
                check(all(s.album_id == album.id for s in album.song), "songs carry their albumId")
                first = await conn.get_song(album.song[0].id)
                check(first.bpm == expect["firstSongBpm"], f"bpm goes into the song: {first.bpm}")
                check(first.track == 1 and first.year == 2019 and first.genre == "Jazz", "tags go into the song")
                check(any(g.name == expect["firstSongStyle"] for g in (first.genres or [])), "top style in genres")
        check(len(await conn.get_album_list2("alphabeticalByName", size=500)) == expect["albumCount"],
              "getAlbumList2 alphabeticalByName lists every album")
        by_year = await conn.get_album_list2("byYear", from_year=2019, to_year=2019)
        check([a.name for a in by_year] == [album_expect["name"]], "getAlbumList2 byYear")
        by_genre = await conn.get_album_list2("byGenre", genre="Jazz")
        check(album_expect["name"] in [a.name for a in by_genre], "getAlbumList2 byGenre")
        for kind in ("random", "newest", "alphabeticalByArtist"):
            check(len(await conn.get_album_list2(kind, size=500)) == expect["albumCount"], f"getAlbumList2 {kind}")
        check(len(await conn.get_random_songs(size=3)) == 3, "getRandomSongs size")
        check(any(g.value == "Jazz" for g in await conn.get_genres()), "getGenres has the tag genre")

        everything = await conn.search3("", artist_count=0, album_count=0, song_count=500)
        check(sorted(s.id for s in everything.song) == sorted(s["id"] for s in expect["songs"].values()),
              "search3 with an empty query lists every song")
        paged = []
        for offset in range(0, len(expect["songs"]), 4):
            paged += [s.id for s in (await conn.search3('""', artist_count=0, album_count=0, song_count=4, song_offset=offset)).song]
        check(paged == [s.id for s in everything.song], "search3 pages through the same list")
        vibe = await conn.search3("vibe ace")
        check([s.id for s in vibe.song] == [expect["songs"]["vibe"]["id"]], "search3 finds by title")

        song = expect["songs"]["vibe"]
        data = pathlib.Path(song["path"]).read_bytes()
        res = await conn.stream(song["id"], tformat="raw", byte_range="bytes=100-1099")
        body = await res.read()
        check(res.status == 206 and res.headers.get("Content-Length") == "1000" and body == data[100:1100],
              f"opensonic stream with Range: HTTP {res.status}")
        res = await conn.download(song["id"])
        check(await res.read() == data, "opensonic download is the file")

        cover = await conn.get_cover_art(expect["songs"]["danse"]["id"])
        check((await cover.read())[:2] == b"\xff\xd8", "embedded cover art is a JPEG")
        small = await conn.get_cover_art(expect["songs"]["danse"]["id"], size=64)
        check(image_size(await small.read()) == (64, 64), "cover art size=64 scales 400x400 to 64x64")
        sidecar = await conn.get_cover_art(expect["songs"]["vibe"]["id"], size=32)
        check(image_size(await sidecar.read()) == (32, 24), "cover.jpg beside the file, scaled into 32x32")

        ids = [expect["songs"][n]["id"] for n in ("dnb", "vibe", "song")]
        created = await conn.create_playlist(name="Mix for the road", song_ids=ids)
        listed = [p for p in await conn.get_playlists() if p.name == "Mix for the road"]
        if check(len(listed) == 1, "opensonic getPlaylists lists the new playlist"):
            playlist = await conn.get_playlist(listed[0].id)
            check([e.id for e in playlist.entry] == ids, "getPlaylist keeps the order")
            await conn.update_playlist(listed[0].id, name="Renamed", song_ids_to_add=[ids[0]], song_indices_to_remove=[1])
            playlist = await conn.get_playlist(listed[0].id)
            check(playlist.name == "Renamed" and [e.id for e in playlist.entry] == [ids[0], ids[2], ids[0]], "updatePlaylist")
            await conn.delete_playlist(listed[0].id)
            check(not [p for p in await conn.get_playlists() if p.id == listed[0].id], "deletePlaylist")

        seed = expect["songs"]["vibe"]["id"]
        similar = await conn.get_similar_songs2(seed, count=5)
        check([s.id for s in similar] == expect["nearestToVibe"][:5], f"getSimilarSongs2 in score order: {[s.id for s in similar]}")
        check([s.id for s in await conn.get_similar_songs(seed, count=3)] == expect["nearestToVibe"][:3], "getSimilarSongs")
        from_album = await conn.get_similar_songs2(expect["album"]["id"], count=3)
        check(len(from_album) == 3 and not set(s.id for s in from_album) & set(expect["album"]["songIds"]),
              "getSimilarSongs2 from an album excludes its own songs")
        check(len(await conn.get_top_songs(album_expect["artist"], count=2)) == 2, "getTopSongs")

        matches = await conn.get_sonic_similar_tracks(seed, count=4)
        check([m.entry.id for m in matches] == expect["nearestToVibe"][:4], "getSonicSimilarTracks in score order")
        scores = [m.similarity for m in matches]
        check(all(0 <= s <= 1 for s in scores) and scores == sorted(scores, reverse=True), f"similarity in [0,1], descending: {scores}")
        start, end = expect["songs"]["vibe"]["id"], expect["songs"]["danse"]["id"]
        path = await conn.find_sonic_path(start, end, count=6)
        ids = [m.entry.id for m in path]
        check(ids[0] == start and ids[-1] == end and len(ids) == 6 and len(set(ids)) == 6, f"findSonicPath from start to end: {ids}")
        check(path[0].similarity == 1, "the path's first song is the start itself")
        await listening(conn, expect)
    finally:
        for c in (conn, legacy, keyed, wrong):
            await c.cleanup()


async def listening(conn, expect):
    """py-opensonic over the per-user methods: stars, ratings, scrobbles, now playing, the play queue,
    album lists from them, top songs by plays, folders, artist and album info, lyrics, search2."""
    songs = expect["songs"]
    vibe, dnb, ragtime = songs["vibe"]["id"], songs["dnb"]["id"], songs["ragtime"]["id"]
    album_id = expect["album"]["id"]
    await conn.star(sids=[vibe, dnb], album_ids=[album_id])
    starred = await conn.get_starred2()
    check(sorted(s.id for s in starred.song) == sorted([vibe, dnb]), "getStarred2 lists the starred songs")
    check([a.id for a in starred.album] == [album_id], "getStarred2 lists the starred album")
    check(all(s.starred for s in starred.song), "starred songs carry their star date")
    check(sorted(s.id for s in (await conn.get_starred()).song) == sorted([vibe, dnb]), "getStarred (v1)")
    await conn.unstar(sids=[dnb])
    check([s.id for s in (await conn.get_starred2()).song] == [vibe], "unstar")
    check((await conn.get_song(vibe)).starred is not None and (await conn.get_song(dnb)).starred is None, "getSong shows the star")
    await conn.set_rating(vibe, 4)
    check((await conn.get_song(vibe)).user_rating == 4, "setRating shows in the song")
    await conn.set_rating(album_id, 5)
    check([a.id for a in await conn.get_album_list2("highest")] == [album_id], "getAlbumList2 highest")
    await conn.set_rating(vibe, 0)
    check((await conn.get_song(vibe)).user_rating is None, "rating 0 removes the rating")
    check(album_id in [a.id for a in await conn.get_album_list2("starred")], "getAlbumList2 starred")
    check([a.id for a in await conn.get_album_list("starred")] == [album_id], "getAlbumList (v1) starred")

    await conn.scrobble(ragtime, submission=False)
    playing = await conn.get_now_playing()
    check([(p.id, p.username) for p in playing] == [(ragtime, expect["user"])], f"getNowPlaying: {[(p.id, p.username) for p in playing]}")
    for when in (1_700_000_000, 1_700_000_300):
        await conn.scrobble(ragtime, submission=True, listen_time=when)
    await conn.scrobble(vibe, submission=True, listen_time=1_700_000_100)
    check(not await conn.get_now_playing(), "a submission ends the now-playing entry")
    song = await conn.get_song(ragtime)
    check(song.play_count == 2 and song.played is not None, f"play count and date in the song: {song.play_count}")
    check([a.id for a in await conn.get_album_list2("frequent")] == [album_id], "getAlbumList2 frequent")
    check([a.id for a in await conn.get_album_list2("recent")] == [album_id], "getAlbumList2 recent")
    top = await conn.get_top_songs(expect["album"]["artist"], count=3)
    check([s.id for s in top][:2] == [ragtime, vibe], f"getTopSongs by plays: {[s.id for s in top]}")
    mixes = [p for p in await conn.get_playlists() if p.id == "mix-recent"]
    if check(len(mixes) == 1, "the recent plays mix is listed after a scrobble"):
        mix = await conn.get_playlist("mix-recent")
        check(mix.entry and not {e.id for e in mix.entry} & {vibe, ragtime}, "the mix leaves out what was played")

    queue_ids = [dnb, vibe, ragtime]
    await conn.save_play_queue(queue_ids, current=vibe, position=12345)
    queue = await conn.get_play_queue()
    check([e.id for e in queue.entry] == queue_ids and queue.current == vibe and queue.position == 12345
          and queue.username == expect["user"], "getPlayQueue returns the saved queue")

    indexes = await conn.get_indexes()
    folders = [a for index in indexes.index or [] for a in index.artist]
    check(folders, "getIndexes lists the collection's folders")
    seen, pending = set(), [f.id for f in folders]
    while pending:
        directory = await conn.get_music_directory(pending.pop())
        for child in directory.child or []:
            (pending.append(child.id) if child.is_dir else seen.add(child.id))
    seen |= {c.id for c in indexes.child or []}
    check(seen == {s["id"] for s in songs.values()}, "every song is reached through the folders")
    album_dir = await conn.get_music_directory(album_id)
    check([c.id for c in album_dir.child] == expect["album"]["songIds"], "getMusicDirectory of an album id")

    info = await conn.get_artist_info2(starred.album[0].artist_id, count=5)
    check(info.similar_artist and all(a.id != starred.album[0].artist_id for a in info.similar_artist),
          "getArtistInfo2 names similar artists, not the artist itself")
    await conn.get_artist_info(vibe)
    await conn.get_album_info2(album_id)
    await conn.get_album_info(vibe)
    check((await conn.get_scan_status()).scanning is False, "getScanStatus")
    check(await conn.get_lyrics_by_song_id(dnb) == [], "no lyrics tags, no lyrics")
    lyrics = await conn.get_lyrics_by_song_id(vibe)
    check(len(lyrics) == 1 and lyrics[0].synced and lyrics[0].lang == "eng"
          and [(line.start, line.value) for line in lyrics[0].line] == [(1000, "Vibe"), (2500, "Ace")],
          f"LRC lyrics from the ID3 tag as synced lines: {lyrics}")
    plain = await conn.get_lyrics(artist="Kevin MacLeod", title="Vibe Ace")
    check(plain.value.startswith("[00:01.00]Vibe"), f"getLyrics by artist and title: {plain}")
    found = await conn.search2("pistach")
    check([s.id for s in found.song] == [ragtime], "search2 matches word prefixes")


def pysonic(base, port, expect, raw):
    """py-sonic: token and legacy logins; browse, search, stream with Range, cover art,
    playlists, mixes, and the sonicSimilarity methods through its request machinery."""
    # POST form bodies: py-sonic 1.2.0's useGET path is broken (it still calls urllib2).
    conn = libsonic.Connection(base, expect["user"], expect["password"], port=port)
    legacy = libsonic.Connection(base, expect["user"], expect["password"], port=port, legacyAuth=True)
    check(conn.ping() and legacy.ping(), "py-sonic token and legacy ping")
    try:
        libsonic.Connection(base, expect["user"], "nope", port=port).ping()
        check(False, "py-sonic: a wrong password must be refused")
    except libsonic.errors.CredentialError:
        pass
    artists = conn.getArtists()["artists"]["index"]
    names = [a["name"] for index in artists for a in index["artist"]]
    check(expect["album"]["artist"] in names, "py-sonic getArtists")
    artist_id = [a["id"] for index in artists for a in index["artist"] if a["name"] == expect["album"]["artist"]][0]
    album = [a for a in legacy.getArtist(artist_id)["artist"]["album"] if a["name"] == expect["album"]["name"]][0]
    songs = conn.getAlbum(album["id"])["album"]["song"]
    check([s["id"] for s in songs] == expect["album"]["songIds"], "py-sonic getAlbum")
    check(conn.getSong(songs[0]["id"])["song"]["title"] == songs[0]["title"], "py-sonic getSong")
    found = conn.search3("pipes")["searchResult3"].get("song", [])
    check([s["id"] for s in found] == [expect["songs"]["tagged"]["id"]], "py-sonic search3")
    conn.getIndexes()
    conn.getMusicFolders()
    conn.getLicense()
    conn.getUser(expect["user"])
    conn.star(sids=[expect["songs"]["galway"]["id"]])
    check(expect["songs"]["galway"]["id"] in [s["id"] for s in conn.getStarred2()["starred2"].get("song", [])], "py-sonic star, getStarred2")
    conn.unstar(sids=[expect["songs"]["galway"]["id"]])
    conn.scrobble(expect["songs"]["galway"]["id"], submission=True)
    check(conn.getSong(expect["songs"]["galway"]["id"])["song"].get("playCount") == 1, "py-sonic scrobble counts a play")
    check(conn.search2("galway")["searchResult2"], "py-sonic search2")
    check(conn.getAlbumList("newest")["albumList"]["album"], "py-sonic getAlbumList")
    check(conn.getMusicDirectory(expect["album"]["id"])["directory"]["child"], "py-sonic getMusicDirectory")
    conn.getNowPlaying()
    conn.getArtistInfo2(artist_id)

    song = expect["songs"]["dnb"]
    data = pathlib.Path(song["path"]).read_bytes()
    ranged = libsonic.Connection(base, expect["user"], expect["password"], port=port, customHeaders={"Range": "bytes=-500"})
    res = ranged.stream(song["id"], tformat="raw")
    check(res.status == 206 and res.read() == data[-500:] and res.headers["Content-Length"] == "500", "py-sonic stream with Range")
    check(conn.getCoverArt(expect["songs"]["danse"]["id"]).read()[:2] == b"\xff\xd8", "py-sonic getCoverArt")

    ids = [expect["songs"][n]["id"] for n in ("song", "ragtime")]
    conn.createPlaylist(name="py-sonic list", songIds=ids)
    listed = [p for p in conn.getPlaylists()["playlists"]["playlist"] if p["name"] == "py-sonic list"]
    if check(len(listed) == 1, "py-sonic getPlaylists"):
        check([e["id"] for e in conn.getPlaylist(listed[0]["id"])["playlist"]["entry"]] == ids, "py-sonic getPlaylist")

    seed = expect["songs"]["vibe"]["id"]
    similar = conn.getSimilarSongs2(seed, count=3)["similarSongs2"]["song"]
    check([s["id"] for s in similar] == expect["nearestToVibe"][:3], "py-sonic getSimilarSongs2")
    sonic = conn._doInfoReq(conn._getRequest("getSonicSimilarTracks.view", {"id": seed, "count": 2}))
    check([m["entry"]["id"] for m in sonic["sonicMatch"]] == expect["nearestToVibe"][:2], "py-sonic getSonicSimilarTracks")
    start, end = expect["songs"]["dnb"]["id"], expect["songs"]["vibe"]["id"]
    path = conn._doInfoReq(conn._getRequest("findSonicPath.view", {"startSongId": start, "endSongId": end, "count": 4}))
    ids = [m["entry"]["id"] for m in path["sonicMatch"]]
    check(ids[0] == start and ids[-1] == end and len(ids) == 4, f"py-sonic findSonicPath: {ids}")


def xml_replies(raw, expect, auth):
    """XML (the default format) parses and carries exactly what JSON carries."""
    song = expect["songs"]["vibe"]["id"]
    for method, params in [("ping", {}), ("getArtists", {}), ("getAlbum", {"id": expect["album"]["id"]}),
                           ("getSong", {"id": song}), ("search3", {"query": ""}), ("getGenres", {}),
                           ("getIndexes", {}), ("getUser", {"username": expect["user"]}), ("getMusicFolders", {}),
                           ("getOpenSubsonicExtensions", {}), ("getSimilarSongs2", {"id": song, "count": 3}),
                           ("getSonicSimilarTracks", {"id": song, "count": 3}),
                           ("findSonicPath", {"startSongId": song, "endSongId": expect["songs"]["danse"]["id"], "count": 4}),
                           ("getPlaylists", {}), ("getSong", {"id": "999999"})]:
        check_xml_matches_json(raw, auth, method, params)
    _, _, body = raw.get("getSong", {"id": song}, auth, fmt=None)
    check(body.startswith(b"<?xml"), "XML is the default format")


def rate_limit(raw, expect):
    """Last, since it locks this address out: ten failures, then even the right password is refused."""
    for _ in range(10):
        raw.json("ping", {"u": expect["user"], "p": "guess"})
    reply = raw.json("ping", token_auth(expect["user"], expect["password"]))
    check(reply["status"] == "failed" and "Too many failed logins" in reply["error"]["message"], "failed logins are rate-limited")


def image_size(data):
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "stream=width,height", "-of", "csv=p=0", "-"],
                         input=data, capture_output=True).stdout.decode().strip()
    return tuple(int(v) for v in out.split(",")) if out else None


def report():
    """Prints what was validated and every failure; the exit status."""
    print("validated against the schemas: " + ", ".join(f"{m} ×{n}" for m, n in sorted(VALIDATED.items())))
    for failure in FAILURES:
        print("FAIL: " + failure)
    return 1 if FAILURES else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--expect", required=True, help="JSON file with the fixture's ids, paths and credentials")
    parser.add_argument("--schemas", required=True)
    args = parser.parse_args()
    expect = json.loads(pathlib.Path(args.expect).read_text())
    base = "http://127.0.0.1"
    schemas = Schemas(args.schemas)
    install_validation(schemas)
    raw = Raw(f"{base}:{args.port}", schemas)
    auth = token_auth(expect["user"], expect["password"])
    security(raw, expect, auth)
    asyncio.run(opensonic(base, args.port, expect, raw))
    pysonic(base, args.port, expect, raw)
    xml_replies(raw, expect, auth)
    rate_limit(raw, expect)
    return report()


if __name__ == "__main__":
    sys.exit(main())
