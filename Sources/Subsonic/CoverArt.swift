import Foundation
import TrackStore

/// A song's picture: the one embedded in the file, else cover/folder/front .jpg/.png beside it.
/// FFmpeg (already a dependency of the setup) reads pictures from every container the worker
/// decodes (ID3 APIC, FLAC PICTURE, MP4 covr, Vorbis comments) and scales them, so tonearm needs no
/// image library; with `size` the picture is fitted into size×size as JPEG, never enlarged.
enum CoverArt {
    static let sidecarNames = ["cover.jpg", "folder.jpg", "front.jpg", "cover.png", "folder.png", "front.png"]

    struct Picture {
        let data: Data
        let contentType: String
    }

    static func picture(forAudioAt path: RawPath, size: Int?) async -> Picture? {
        let embedded = await path.withTextPath { file -> Picture? in
            guard let file else { return nil }
            return await ffmpeg(input: file, size: size)
        }
        if let embedded { return embedded }
        return await path.folder.withTextPath { folder -> Picture? in
            guard let folder, let sidecar = sidecar(in: folder) else { return nil }
            if size == nil, let data = FileManager.default.contents(atPath: sidecar) { return Picture(data: data, contentType: contentType(of: data)) }
            return await ffmpeg(input: sidecar, size: size)
        }
    }

    private static func sidecar(in folder: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for wanted in sidecarNames {
            if let name = names.first(where: { $0.lowercased() == wanted }) { return (folder as NSString).appendingPathComponent(name) }
        }
        return nil
    }

    private static func ffmpeg(input: String, size: Int?) async -> Picture? {
        var arguments = ["ffmpeg", "-nostdin", "-v", "error", "-i", input, "-map", "0:v:0", "-frames:v", "1"]
        if let size {
            arguments += ["-vf", "scale=w='min(\(size),iw)':h='min(\(size),ih)':force_original_aspect_ratio=decrease",
                          "-c:v", "mjpeg", "-q:v", "3"]
        } else {
            arguments += ["-c:v", "copy"]
        }
        arguments += ["-f", "image2pipe", "-"]
        guard let data = await ExternalTool.output(arguments), !data.isEmpty else { return nil }
        return Picture(data: data, contentType: contentType(of: data))
    }

    static func contentType(of data: Data) -> String {
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if data.starts(with: [0xFF, 0xD8]) { return "image/jpeg" }
        return "application/octet-stream"
    }
}
