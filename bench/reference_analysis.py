"""The straightforward Essentia script tonearm is measured and checked against.

It follows Essentia's documented usage and nothing cleverer: models instantiated once; per track
AudioLoader -> MonoMixer -> Resample, RhythmExtractor2013, KeyExtractor once per profile,
LoudnessEBUR128 on the stereo signal, TempoCNN, Discogs-EffNet + its three heads, MSD-MusiCNN +
emomusic, predictions averaged over chunks. One process, one file at a time.

usage: python reference_analysis.py MODELS_DIR EFFNET_PB FILE... > descriptors.jsonl
(EFFNET_PB may be "-" to skip the Discogs-EffNet group.)
"""
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import essentia  # noqa: E402
import essentia.standard as es  # noqa: E402
import numpy as np  # noqa: E402

essentia.log.infoActive = False
essentia.log.warningActive = False


def main(models, effnet_pb, files):
    m = lambda name: os.path.join(models, name)  # noqa: E731
    classes = lambda name: json.load(open(m(name.replace(".pb", ".json"))))["classes"]  # noqa: E731
    rhythm = es.RhythmExtractor2013(method="multifeature")
    keys = {p: es.KeyExtractor(profileType=p) for p in ("temperley", "krumhansl", "edma")}
    tempocnn = es.TempoCNN(graphFilename=m("deeptemp-k16-3.pb"))
    musicnn = es.TensorflowPredictMusiCNN(graphFilename=m("msd-musicnn-1.pb"), output="model/dense/BiasAdd")
    emomusic = es.TensorflowPredict2D(graphFilename=m("emomusic-msd-musicnn-2.pb"), output="model/Identity")
    if effnet_pb != "-":
        effnet = es.TensorflowPredictEffnetDiscogs(graphFilename=effnet_pb, output="PartitionedCall:1")
        genre = es.TensorflowPredict2D(graphFilename=m("genre_discogs400-discogs-effnet-1.pb"),
                                       input="serving_default_model_Placeholder", output="PartitionedCall:0")
        voice = es.TensorflowPredict2D(graphFilename=m("voice_instrumental-discogs-effnet-1.pb"), output="model/Softmax")
        dance = es.TensorflowPredict2D(graphFilename=m("danceability-discogs-effnet-1.pb"), output="model/Softmax")
    for path in files:
        stereo, sr, channels, _, _, _ = es.AudioLoader(filename=path)()
        mono = es.MonoMixer()(stereo, channels)
        mono44 = mono if sr == 44100 else es.Resample(inputSampleRate=sr, outputSampleRate=44100)(mono)
        mono16 = es.Resample(inputSampleRate=sr, outputSampleRate=16000, quality=4)(mono)
        mono11 = es.Resample(inputSampleRate=sr, outputSampleRate=11025, quality=4)(mono)

        bpm, _, confidence, _, _ = rhythm(mono44)
        out = {"path": path, "bpm": float(bpm), "bpm_confidence": float(confidence)}
        for profile, extractor in keys.items():
            key, scale, strength = extractor(mono44)
            out[f"key_{profile}"], out[f"scale_{profile}"], out[f"strength_{profile}"] = key, scale, float(strength)
        _, _, integrated, loudness_range = es.LoudnessEBUR128(sampleRate=sr)(stereo)
        out["loudness_lufs"], out["loudness_range_lu"] = float(integrated), float(loudness_range)
        global_bpm, local, _ = tempocnn(mono11)
        out["tempocnn_bpm"] = float(global_bpm)
        out["tempocnn_local_agreement"] = float(np.mean(np.asarray(local) == global_bpm))

        embeddings = musicnn(mono16)
        emotion = emomusic(embeddings).mean(axis=0)
        emo_classes = classes("emomusic-msd-musicnn-2.pb")
        out["valence"] = float(emotion[emo_classes.index("valence")])
        out["arousal"] = float(emotion[emo_classes.index("arousal")])
        out["musicnn_embedding"] = embeddings.mean(axis=0).tolist()
        if effnet_pb != "-":
            embeddings = effnet(mono16)
            out["styles"] = genre(embeddings).mean(axis=0).tolist()
            out["voice"] = float(voice(embeddings).mean(axis=0)[classes("voice_instrumental-discogs-effnet-1.pb").index("voice")])
            out["danceability"] = float(dance(embeddings).mean(axis=0)[classes("danceability-discogs-effnet-1.pb").index("danceable")])
            out["effnet_embedding"] = embeddings.mean(axis=0).tolist()
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
