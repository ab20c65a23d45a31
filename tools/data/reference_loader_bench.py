#!/usr/bin/python3
"""The reference's per-sample training pipeline in numpy/scipy (np.load of the full volumes on every access,
RandBalancedCrop with scipy.ndimage.label/find_objects, RandFlip, Cast, brightness, Gaussian noise), timed on a
folder of case_*_{x,y}.npy, in 1 or more worker processes.
Usage: reference_loader_bench.py DATA_DIR WORKERS SAMPLES"""
import glob
import multiprocessing
import random
import sys
import time

import numpy as np
from scipy import ndimage

PATCH = (128, 128, 128)


def randrange(n):
    return 0 if n <= 0 else random.randrange(n)


def crop(image, label):
    if random.random() < 0.4:
        cl = np.random.choice(np.unique(label[label > 0]))
        boxes = [b for b in ndimage.find_objects(ndimage.label(label == cl)[0]) if b is not None]
        volumes = [np.prod([s.stop - s.start for s in b]) for b in boxes]
        box = [boxes[i] for i in np.argsort(volumes)[-2:]][randrange(min(2, len(boxes)))]
        lows = []
        for k in range(1, 4):
            diff = PATCH[k - 1] - (box[k].stop - box[k].start)
            sign = -1 if diff < 0 else 1
            diff = abs(diff)
            ladj = randrange(diff)
            low = max(0, box[k].start - sign * ladj)
            high = min(label.shape[k], box[k].stop + sign * (diff - ladj))
            diff = PATCH[k - 1] - (high - low)
            low = low if diff <= 0 or low == 0 else low - diff
            lows.append(low)
    else:
        lows = [randrange(s - p) for s, p in zip(label.shape[1:], PATCH)]
    sl = (slice(None),) + tuple(slice(lo, lo + p) for lo, p in zip(lows, PATCH))
    return image[sl], label[sl]


def sample(path_pair):
    image, label = np.load(path_pair[0]), np.load(path_pair[1])
    image, label = crop(image, label)
    for axis in (1, 2, 3):
        if random.random() < 1 / 3:
            image, label = np.flip(image, axis).copy(), np.flip(label, axis).copy()
    image, label = image.astype(np.float32), label.astype(np.uint8)
    if random.random() < 0.1:
        image = (image * (1 + np.random.uniform(0.7, 1.3))).astype(np.float32)
    if random.random() < 0.1:
        image = image + np.random.normal(0, np.random.uniform(0, 0.1), size=image.shape).astype(np.float32)
    return image.shape


def main():
    data, workers, samples = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    pairs = list(zip(sorted(glob.glob(f"{data}/*_x.npy")), sorted(glob.glob(f"{data}/*_y.npy"))))
    work = [pairs[i % len(pairs)] for i in range(samples)]
    for p in pairs:  # warm the page cache
        sample(p)
    start = time.perf_counter()
    if workers == 1:
        for p in work:
            sample(p)
    else:
        with multiprocessing.Pool(workers) as pool:
            list(pool.imap(sample, work, chunksize=1))
    elapsed = time.perf_counter() - start
    print(f"python reference approach, workers {workers}: {samples} samples in {elapsed:.2f} s = {samples / elapsed:.2f} samples/s")


if __name__ == "__main__":
    main()
