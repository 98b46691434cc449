"""N-body simulation of the Jovian planets (floating point, lists, tuples).

Symplectic-Euler integration of the Sun, Jupiter, Saturn, Uranus and Neptune.
Only +, -, *, / and sqrt are used (sqrt is correctly rounded everywhere), so
the printed energies are bit-for-bit reproducible on any IEEE-754 platform.

usage: nbody.py [scale]   (scale multiplies the number of steps; default 1)
"""
import sys
import time
from math import sqrt

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_system():
    # [x, y, z], [vx, vy, vz], mass
    raw = [
        ((0.0, 0.0, 0.0), (0.0, 0.0, 0.0), 1.0),
        ((4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01),
         (1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05),
         9.54791938424326609e-04),
        ((8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01),
         (-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05),
         2.85885980666130812e-04),
        ((1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01),
         (2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05),
         4.36624404335156298e-05),
        ((1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01),
         (2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05),
         5.15138902046611451e-05),
    ]
    bodies = []
    for pos, vel, m in raw:
        bodies.append(([pos[0], pos[1], pos[2]],
                       [vel[0] * DAYS_PER_YEAR, vel[1] * DAYS_PER_YEAR, vel[2] * DAYS_PER_YEAR],
                       m * SOLAR_MASS))
    return bodies


def offset_momentum(bodies):
    px = py = pz = 0.0
    for _, v, m in bodies:
        px -= v[0] * m
        py -= v[1] * m
        pz -= v[2] * m
    v0 = bodies[0][1]
    m0 = bodies[0][2]
    v0[0] = px / m0
    v0[1] = py / m0
    v0[2] = pz / m0


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        p1, v1, m1 = bodies[i]
        e += 0.5 * m1 * (v1[0] * v1[0] + v1[1] * v1[1] + v1[2] * v1[2])
        for j in range(i + 1, n):
            p2, _, m2 = bodies[j]
            dx = p1[0] - p2[0]
            dy = p1[1] - p2[1]
            dz = p1[2] - p2[2]
            e -= m1 * m2 / sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for (p1, v1, m1), (p2, v2, m2) in pairs:
            dx = p1[0] - p2[0]
            dy = p1[1] - p2[1]
            dz = p1[2] - p2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * sqrt(d2))
            b1 = m1 * mag
            b2 = m2 * mag
            v1[0] -= dx * b2
            v1[1] -= dy * b2
            v1[2] -= dz * b2
            v2[0] += dx * b1
            v2[1] += dy * b1
            v2[2] += dz * b1
        for p, v, _ in bodies:
            p[0] += dt * v[0]
            p[1] += dt * v[1]
            p[2] += dt * v[2]


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    steps = max(1, int(250000 * scale))
    t0 = time.perf_counter()
    bodies = make_system()
    pairs = [(bodies[i], bodies[j]) for i in range(len(bodies)) for j in range(i + 1, len(bodies))]
    offset_momentum(bodies)
    e0 = energy(bodies)
    advance(bodies, pairs, 0.01, steps)
    e1 = energy(bodies)
    t1 = time.perf_counter()
    print("steps", steps)
    print("energy before %.9f" % e0)
    print("energy after  %.9f" % e1)
    print("positions", " ".join(repr(round(c, 6)) for p, _, _ in bodies for c in p))
    print(f"bench-time: {t1 - t0:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()
